using Alba;
using EventHr.Api.Tests.Support;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace EventHr.Api.Tests;

/// <summary>Robot secrets stay out of answers and the event store; outside Development a webhook cannot point inward.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookSafetyTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    [Fact]
    public async Task a_robots_secret_is_masked_in_answers_and_events_and_kept_encrypted()
    {
        var channel = _api.Id("ding");
        var url = $"https://oapi.dingtalk.com/robot/send?access_token=secret-{_api.Run}";

        var answer = await _api.Ok(HttpMethod.Put, $"/api/webhooks/{channel}", new { url, format = "dingtalk", recipients = new[] { "M01" } });
        var listed = await _api.Ok(HttpMethod.Get, "/api/webhooks");

        answer["url"]!.GetValue<string>().ShouldBe("https://oapi.dingtalk.com/robot/send?access_token=***");
        listed.ToJsonString().ShouldNotContain($"secret-{_api.Run}");
        (await AuditTrail.Events(fixture, $"webhook:{channel}")).Single().Data.ToString()!.ShouldNotContain($"secret-{_api.Run}");
        await using var session = fixture.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = await session.LoadAsync<EventHr.Api.Notifications.WebhookAddress>(channel);
        stored!.Protected.ShouldNotContain($"secret-{_api.Run}");
        fixture.Host.Services.GetRequiredService<EventHr.Api.Notifications.WebhookAddresses>().Unprotect(stored).ShouldBe(url);
    }

    [Fact]
    public async Task a_dingtalk_robot_with_a_signing_secret_gets_each_message_signed_and_the_secret_is_kept_out_of_events()
    {
        await using var robot = new WebhookReceiver(failFirst: 0);
        var (channel, secret) = (_api.Id("signed"), $"SEC{_api.Run}");
        var (brand, _, employee) = await _api.OperationsHire();
        var answer = await _api.Ok(HttpMethod.Put, $"/api/webhooks/{channel}",
            new { url = robot.Url + "?access_token=t", format = "dingtalk", recipients = new[] { "M01" }, signingSecret = secret });

        await new CaseApi(_api).TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2);
        var address = await Eventually.Get(() => Task.FromResult(robot.Addresses.FirstOrDefault()), a => a is not null, "the warning to reach the robot");

        answer["signed"]!.GetValue<bool>().ShouldBeTrue();
        (await AuditTrail.Events(fixture, $"webhook:{channel}")).Single().Data.ToString()!.ShouldNotContain(secret);
        var query = System.Web.HttpUtility.ParseQueryString(address!.Query);
        query["access_token"].ShouldBe("t");
        query["sign"].ShouldBe(EventHr.Domain.Notifications.RobotSigning.DingTalk(secret, long.Parse(query["timestamp"]!)));
    }

    [Fact]
    public async Task a_signing_secret_is_only_for_robots_that_check_one() =>
        (await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Put, $"/api/webhooks/{_api.Id("g")}",
            new { url = "https://example.com/in", format = "generic", recipients = new[] { "M01" }, signingSecret = "x" }), 400))["errors"]!["signingSecret"]
            .ShouldNotBeNull();

    [Theory]
    [InlineData("http://hooks.example.com/in")]
    [InlineData("https://127.0.0.1:5433/")]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://localhost/hook")]
    public async Task outside_development_a_webhook_must_be_https_to_a_public_address(string url)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var host = await AppFixture.StartSeparate("eventhr_tests_production", new Dictionary<string, string> { ["Auth:SigningKey"] = key }, "Production");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/webhooks/{_api.Id("x")}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { url, format = "generic", recipients = new[] { "M01" } })
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens.For("hr-li", ["hr"], key: key));

        var problem = await TestApi.ShouldBeProblem(await host.Server.CreateClient().SendAsync(request), 400);

        problem["errors"]!["url"].ShouldNotBeNull();
    }
}
