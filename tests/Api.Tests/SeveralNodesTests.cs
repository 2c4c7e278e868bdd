using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using EventHr.Api.Reports.Daily;
using EventHr.Api.Tests.Support;
using Wolverine;

namespace EventHr.Api.Tests;

/// <summary>
/// Two nodes on one database do the timed work once between them: each wakes the 09:00 chain at start-up and both
/// poll the scheduled messages, yet a day's report reaches its robot once and a plan deadline escalates once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SeveralNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private readonly TestApi _api = new(nodes);
    private CaseApi Cases => new(_api);

    [Fact]
    public async Task the_nine_oclock_run_woken_on_both_nodes_at_once_reports_and_delivers_each_day_once()
    {
        await using var robot = new WebhookReceiver(failFirst: 0);
        await _api.Ok(HttpMethod.Put, $"/api/webhooks/{_api.Id("robot")}", new { url = robot.Url, format = "dingtalk", recipients = new[] { "M01" } });
        var (brand, _, _) = await _api.OperationsHire();
        nodes.MoveClock(DateTimeOffset.UtcNow);

        // The top of the hour on both nodes at once: the booked wake-up fires on one, a start-up wakes the other.
        await HourlyChain.BookedWakeUpAt(nodes.First, DateTimeOffset.UtcNow.AddSeconds(-1));
        await Task.WhenAll(nodes.Both.Select(n => n.Services.GetRequiredService<IMessageBus>().PublishAsync(new DailyReportsDue()).AsTask()));

        var reports = await Eventually.Get(async () => Mine(await Cases.Notifications("M01"), brand), n => n.Count >= 1, "the day's report");
        // The robot also hears of the other test's cases (its head is M01 too): only this brand's reports count here.
        List<string> Delivered() => robot.Requests.Select(r => r.DeliveryId).Where(id => id.Contains($":{brand}:")).ToList();
        await Eventually.Get(() => Task.FromResult(Delivered().Count), c => c >= reports.Count, "the robot's deliveries");
        await Task.Delay(TimeSpan.FromSeconds(3));   // a second run on the other node would have delivered by now

        Mine(await Cases.Notifications("M01"), brand).Count.ShouldBe(reports.Count);
        reports.Select(n => n!["id"]!.GetValue<string>()).ShouldBeUnique();
        Delivered().Count.ShouldBe(reports.Count);
        Delivered().ShouldBeUnique();
    }

    [Fact]
    public async Task a_plan_deadline_escalates_once_though_both_nodes_poll_the_timers()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        var caseId = $"{employee}-1";
        await Cases.AcknowledgeStandard(employee, brand, post, 1);
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2);
        await Cases.WaitForCase(caseId, "plan-pending");
        await Cases.AcknowledgePlan(caseId, employee);

        nodes.MoveClock(DateTimeOffset.UtcNow);   // the plan's deadline has passed, with no data for its period
        await Eventually.Get(() => Cases.Case(caseId),
            c => Count(c["timeline"]!.AsArray(), "assessment_data_missing") > 0, "the no-data escalation", 30_000);
        await Task.Delay(AppFixture.NoDataGrace);

        var c = await Cases.Case(caseId);
        Count(c["timeline"]!.AsArray(), "assessment_data_missing").ShouldBe(1);
        (await Cases.Notifications("hr-li")).Count(n => n!["caseId"]?.GetValue<string>() == caseId
            && n["kind"]!.GetValue<string>() == "assessment-data-missing").ShouldBe(1);
    }

    private static List<JsonNode?> Mine(JsonArray notifications, string brand) =>
        notifications.Where(n => n!["kind"]!.GetValue<string>() == "daily-report" && n["id"]!.GetValue<string>().Contains($":{brand}:")).ToList();

    private static int Count(JsonArray timeline, string type) => timeline.Count(e => e!["type"]!.GetValue<string>() == type);
}
