using System.Net;
using Alba;
using EventHr.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Wolverine;

namespace EventHr.Api.Tests;

/// <summary>What a token must be to be accepted, and a deployment that will not start on a key anyone can read.</summary>
[Collection(AppCollection.Name)]
public sealed class TokenTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    public static TheoryData<string, string> Refused => new()
    {
        { "signed with HS512", Tokens.For("hr-li", ["hr"], key: Tokens.Key + Tokens.Key, algorithm: SecurityAlgorithms.HmacSha512) },
        { "without sub", Tokens.For(null, ["hr"]) },
        { "living 100 years", Tokens.For("hr-li", ["hr"], lifetime: TimeSpan.FromDays(36_500)) },
        { "living 13 hours", Tokens.For("hr-li", ["hr"], lifetime: TimeSpan.FromHours(13)) },
        { "signed with another key", Tokens.For("hr-li", ["hr"], key: new string('k', 64)) },
    };

    [Theory, MemberData(nameof(Refused))]
    public async Task a_token_is_refused_when(string why, string token)
    {
        var response = await _api.Send(HttpMethod.Get, "/api/cases", token: token);

        await TestApi.ShouldBeProblem(response, 401);
        response.Headers.WwwAuthenticate.ToString().ShouldNotContain("error_description", customMessage: why);
    }

    [Fact]
    public async Task a_token_of_twelve_hours_is_accepted() =>
        (await _api.Send(HttpMethod.Get, "/api/cases", token: Tokens.For("hr-li", ["hr"], lifetime: TimeSpan.FromHours(12)))).StatusCode
        .ShouldBe(HttpStatusCode.OK);

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData(Tokens.DevelopmentKey, "development key")]
    [InlineData("short-secret", "shorter than 32 bytes")]
    public async Task outside_development_the_api_refuses_to_start_without_a_key_of_its_own(string? key, string says)
    {
        var failure = await Should.ThrowAsync<Exception>(() => StartProduction(key));
        Flatten(failure).ShouldContain(says);
    }

    [Fact]
    public async Task in_production_the_live_contract_needs_a_token_its_ui_is_off_and_only_the_deployments_own_key_is_accepted()
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var host = await StartProduction(key);
        var client = host.Server.CreateClient();

        (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Get(client, "/swagger/v1/swagger.json", Tokens.For("hr-li", ["hr"], key: key))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(client, "/swagger/index.html", Tokens.For("hr-li", ["hr"], key: key))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(client, "/api/cases", Tokens.For("hr-li", ["hr"], key: Tokens.DevelopmentKey))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Get(client, "/api/cases", Tokens.For("hr-li", ["hr"], key: key))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var move = new HttpRequestMessage(HttpMethod.Post, "/api/dev/clock") { Content = System.Net.Http.Json.JsonContent.Create(new { to = "2030-01-01T00:00:00Z" }) };
        move.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens.For("hr-li", ["hr"], key: key));
        (await client.SendAsync(move)).StatusCode.ShouldBe(HttpStatusCode.NotFound);   // no settable clock in Production
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    /// <summary>A second API as a production deployment would run it, on a schema of its own (so it shares nothing with the test host).</summary>
    private static async Task<IAlbaHost> StartProduction(string? key) =>
        await AppFixture.StartSeparate("eventhr_tests_production", new Dictionary<string, string> { ["Auth:SigningKey"] = key ?? "" }, "Production");

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
