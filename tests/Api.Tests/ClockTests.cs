using Alba;
using EventHr.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace EventHr.Api.Tests;

/// <summary>The settable clock: tests and demos start the API at an instant of their choosing, never by back-dating.</summary>
[Collection(AppCollection.Name)]
public sealed class ClockTests
{
    [Fact]
    public async Task a_clock_set_to_an_instant_dates_what_the_api_records_from_there()
    {
        await using var host = await Start("Development", "2026-11-20T09:00:00+08:00");
        var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens.For("hr-li", "hr"));
        var brand = "clock-" + Guid.NewGuid().ToString("N")[..6];
        (await client.PutAsync($"/api/brands/{brand}", Json("""{ "name": "B", "tier": "mid" }"""))).EnsureSuccessStatusCode();
        (await client.PutAsync("/api/posts/clock-ops", Json("""{ "name": "P", "family": "ops", "payBand": { "min": 1, "max": 2 } }"""))).EnsureSuccessStatusCode();

        var standard = System.Text.Json.Nodes.JsonNode.Parse(await (await client.PutAsync($"/api/standards/{brand}/clock-ops",
            Json("""{ "effectiveFrom": "2026-12-01", "metrics": { "orders": { "target": 10, "direction": "atLeast" } } }"""))).Content.ReadAsStringAsync())!;

        standard["versions"]![0]!["publishedOn"]!.GetValue<string>().ShouldBe("2026-11-20");   // "today" in the brand's zone, by the set clock
        DateTimeOffset.Parse(standard["versions"]![0]!["publishedAt"]!.GetValue<string>())
            .ShouldBe(DateTimeOffset.Parse("2026-11-20T01:00:00Z"), TimeSpan.FromMinutes(2));

        // ./ops/demo moves it on, day by day.
        var moved = System.Text.Json.Nodes.JsonNode.Parse(await (await client.PostAsync("/api/dev/clock",
            Json("""{ "to": "2026-11-25T20:00:00+08:00" }"""))).Content.ReadAsStringAsync())!;
        DateTimeOffset.Parse(moved["now"]!.GetValue<string>()).ShouldBe(DateTimeOffset.Parse("2026-11-25T12:00:00Z"), TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("Production", "2026-11-20T09:00:00+08:00", "Development and Test only")]
    [InlineData("Development", "2026-11-20 09:00", "with an offset")]
    public async Task a_clock_outside_development_or_without_an_offset_is_refused_at_start(string environment, string start, string says)
    {
        var failure = await Should.ThrowAsync<Exception>(() => Start(environment, start));
        (failure.InnerException?.Message ?? failure.Message).ShouldContain(says);
    }

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    private static async Task<IAlbaHost> Start(string environment, string clock) =>
        await AppFixture.StartSeparate("eventhr_tests_clock", new Dictionary<string, string> { ["EventHr:Clock:Start"] = clock }, environment);
}
