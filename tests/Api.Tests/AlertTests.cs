using System.Text.Json.Nodes;
using Alba;
using EventHr.Api.Alerts;
using EventHr.Api.Tests.Support;
using Wolverine;

namespace EventHr.Api.Tests;

/// <summary>Story 7's smart alerts and the G3 fairness flag: each opens once, is listed, tells group HR, and closes when it clears.</summary>
[Collection(AppCollection.Name)]
public sealed class AlertTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    [Fact]
    public async Task cost_performance_attrition_and_fairness_alerts_open_once_and_close_when_cleared()
    {
        var (brand, ops, region) = (_api.Id("brand"), _api.Id("ops"), _api.Id("region"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        await _api.PublishStandard(brand, ops, "2026-01-01", new { orders = new { target = 10, direction = "atLeast" } });
        await Hire("E1", brand, ops, region, "2026-01-01");
        await Hire("E2", brand, ops, region, "2026-01-01");
        // E1: seven days under half the target, each day's revenue far below its wage.
        await _api.PostTallies(Enumerable.Range(0, 7).Select(i => Row("E1", Today.AddDays(-6 + i), 2)).Append(Row("E2", Today, 3)).ToArray());
        // Attrition: one of the region's staff leaves on the first of each of the last three completed months.
        for (var m = 0; m < 3; m++)
        {
            var leaver = $"L{m}";
            await Hire(leaver, brand, ops, region, "2026-01-01");
            var firstOfMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(m - 3);
            await _api.Ok(HttpMethod.Post, $"/api/employees/{_api.Id(leaver)}/separations",
                new { kind = "resignation", date = firstOfMonth.ToString("yyyy-MM-dd"), reason = "个人原因" });
        }

        await Sweep();
        await Sweep();   // a second look changes nothing while the conditions hold

        var open = await Alerts("open");
        Mine(open, "cost", $"{brand}/{ops}").Count.ShouldBe(1);
        Mine(open, "performance", _api.Id("E1")).Count.ShouldBe(1);
        Mine(open, "attrition", region).Count.ShouldBe(1);
        Mine(open, "fairness", $"{brand}/{ops}").Count.ShouldBe(1);
        Mine(open, "performance", _api.Id("E2")).ShouldBeEmpty();
        var toHq = (await _api.Ok(HttpMethod.Get, "/api/notifications?recipient=group-hr")).AsArray();
        toHq.Count(n => n!["message"]!.GetValue<string>().Contains(_api.Id("E1"))).ShouldBe(1);

        await _api.Ok(HttpMethod.Put, "/api/alert-rules/cost", new { threshold = 5.0, span = 1 });
        await Sweep();
        await _api.Ok(HttpMethod.Put, "/api/alert-rules/cost", new { threshold = 0.30, span = 1 });

        Mine(await Alerts("closed"), "cost", $"{brand}/{ops}").Count.ShouldBe(1);
        Mine(await Alerts("open"), "cost", $"{brand}/{ops}").ShouldBeEmpty();
        Mine(await Alerts("open"), "performance", _api.Id("E1")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task alert_rules_and_filters_are_validated()
    {
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Put, "/api/alert-rules/mood", new { threshold = 0.3 }), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Put, "/api/alert-rules/cost", new { threshold = -1 }), 400);
        // Shares of target or of staff cannot exceed 1; spans are bounded per kind.
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Put, "/api/alert-rules/performance", new { threshold = 5 }), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Put, "/api/alert-rules/fairness", new { threshold = 1.5 }), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Put, "/api/alert-rules/attrition", new { threshold = 0.2, span = 40 }), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, "/api/alerts?status=maybe"), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Put, "/api/alert-rules/cost", new { threshold = 0.3 }, Tokens.Manager("m", "any", "ops-east")), 403);
    }

    private async Task Sweep() => await fixture.Host.MessageBus().InvokeAsync(new AlertSweepDue());

    private async Task<JsonArray> Alerts(string status) => (await _api.Ok(HttpMethod.Get, $"/api/alerts?status={status}")).AsArray();

    private static List<JsonNode> Mine(JsonArray alerts, string kind, string subject) => alerts
        .Where(a => a!["kind"]!.GetValue<string>() == kind && a["subject"]!.GetValue<string>() == subject).Select(a => a!).ToList();

    private async Task Hire(string who, string brand, string post, string region, string hiredOn) =>
        await _api.Json(await _api.Send(HttpMethod.Post, "/api/employees", new
        {
            employeeId = _api.Id(who), name = who, brandId = brand, region, department = _api.Id("dept"), postId = post,
            managerId = "M01", hrId = "hr-li", hiredOn, monthlySalary = 10_000m, contract = new { payAdjustableWithPost = true }
        }), 201);

    private object Row(string who, DateOnly date, int orders) => new
    {
        sourceId = $"{_api.Run}:{who}:{date:yyyy-MM-dd}", employeeId = _api.Id(who), date = date.ToString("yyyy-MM-dd"),
        metrics = new { orders, visitors = 100, revenue = orders * 50m }
    };
}
