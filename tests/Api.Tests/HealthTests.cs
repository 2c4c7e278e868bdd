using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventHr.Api.Tests;

/// <summary>A node whose background work has fallen behind says it is not ready, and which work and by how much.</summary>
[Collection(AppCollection.Name)]
public sealed class HealthTests
{
    [Fact]
    public async Task ready_fails_naming_the_sealer_or_the_nine_oclock_chain_when_behind_its_limit_and_recovers()
    {
        await using var host = await AppFixture.StartSeparate("eventhr_health", new Dictionary<string, string>
        {
            ["EventHr:Health:MaxSealerLag"] = "00:00:01", ["EventHr:Health:MaxReportChainDelay"] = "00:00:01"
        }, environment: "Test");
        var client = host.Server.CreateClient();
        async Task<(HttpStatusCode Status, JsonNode Checks)> Ready()
        {
            var answer = await client.GetAsync("/health/ready");
            return (answer.StatusCode, JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["checks"]!);
        }
        await Eventually.Get(Ready, r => r.Status == HttpStatusCode.OK, "the new node to be ready");

        var daemon = host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.StopAgentAsync("event_sealer:All");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("hr-li", "hr"));
        (await client.PutAsync("/api/brands/health-b1", new StringContent("""{ "name": "B", "tier": "mid" }""", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var behind = await Ready();
        behind.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        behind.Checks["sealer"]!.GetValue<string>().ShouldContain("over the 1 s limit");
        behind.Checks["daemon"]!.GetValue<string>().ShouldNotContain("over");
        behind.Checks["reports"]!.GetValue<string>().ShouldNotContain("over");
        behind.Checks["aggregates"]!.GetValue<string>().ShouldNotContain("over");

        await daemon.StartAgentAsync("event_sealer:All", CancellationToken.None);
        await Eventually.Get(Ready, r => r.Status == HttpStatusCode.OK, "the sealer to catch up");

        // The booked wake-up did not fire (a node that held its timer died and none took it over).
        await HourlyChain.BookedWakeUpAt(host, DateTimeOffset.UtcNow.AddMinutes(-2));
        var late = await Ready();
        late.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        late.Checks["reports"]!.GetValue<string>().ShouldContain("overdue");
        late.Checks["sealer"]!.GetValue<string>().ShouldNotContain("over");
    }
}
