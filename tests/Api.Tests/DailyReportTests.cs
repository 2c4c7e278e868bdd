using Alba;
using EventHr.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace EventHr.Api.Tests;

/// <summary>Story 5: the department head's report of one business day, figures worked out by hand.</summary>
[Collection(AppCollection.Name)]
public sealed class DailyReportTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    [Fact]
    public async Task the_report_lists_each_employee_against_the_post_average_and_marks_costly_ones()
    {
        var (brand, ops) = (_api.Id("brand"), _api.Id("ops"));
        var (dept, other) = (_api.Id("dept"), _api.Id("other"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        await _api.PublishStandard(brand, ops, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        await Hire("A", brand, ops, dept, 10_000m);   // 459.77 a day
        await Hire("B", brand, ops, dept, 8_700m);    // 400.00 a day
        await Hire("C", brand, ops, other, 8_700m);
        await _api.PostTallies(new[]
        {
            Row("A", 3, 150, 960m), Row("B", 12, 200, 2000m), Row("C", 10, 100, 1040m)
        });

        var report = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-20&department={dept}", token: Tokens.Manager("M01", brand, dept));

        var rows = report["rows"]!.AsArray();
        rows.Select(r => r!["employeeId"]!.GetValue<string>()).ShouldBe([_api.Id("A"), _api.Id("B")]);
        var a = rows[0]!;
        a["orders"]!.GetValue<int>().ShouldBe(3);
        a["conversionRate"]!.GetValue<decimal>().ShouldBe(0.02m);
        a["averageOrderValue"]!.GetValue<decimal>().ShouldBe(320m);
        a["salaryCostRatio"]!.GetValue<decimal>().ShouldBe(0.4789m);     // 459.77 / 960
        a["overCostThreshold"]!.GetValue<bool>().ShouldBeTrue();
        a["attainment"]!["orders"]!["ratio"]!.GetValue<decimal>().ShouldBe(0.3m);
        rows[1]!["salaryCostRatio"]!.GetValue<decimal>().ShouldBe(0.2m);   // 400 / 2000
        rows[1]!["overCostThreshold"]!.GetValue<bool>().ShouldBeFalse();
        var average = report["postAverages"]!.AsArray().Single()!;       // ops across the brand: A, B and C
        average["employees"]!.GetValue<int>().ShouldBe(3);
        average["orders"]!.GetValue<decimal>().ShouldBe(8.33m);           // 25 / 3
        average["conversionRate"]!.GetValue<decimal>().ShouldBe(0.0556m); // 25 / 450
        average["averageOrderValue"]!.GetValue<decimal>().ShouldBe(160m); // 4000 / 25
        average["salaryCostRatio"]!.GetValue<decimal>().ShouldBe(0.3149m); // 1259.77 / 4000
    }

    [Fact]
    public async Task a_post_average_counts_whoever_held_the_post_that_day_and_the_run_stores_the_report_given_on_request()
    {
        // E1001 (department ops-east) is tallied at 2 orders a day in ops to 2026-11-11, then moved to cs with a pay cut.
        var (_, moved) = await new CaseApi(_api).WalkToSecondFinding();
        var (brand, ops, dept) = (_api.Id("brand"), _api.Id("ops"), _api.Id("dept"));
        await Hire("P", brand, ops, dept, 8_700m);
        await _api.PostTallies(new[]
        {
            new { sourceId = $"{_api.Run}:P:2026-11-10", employeeId = _api.Id("P"), date = "2026-11-10", metrics = new { orders = 12, visitors = 200, revenue = 2000m } }
        });

        var onRequest = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-10&department={dept}&brand={brand}");
        // ops that day: P and the one moved away since, whose post is cs now.
        var average = onRequest["postAverages"]!.AsArray().Single()!;
        average["postId"]!.GetValue<string>().ShouldBe(ops);
        average["employees"]!.GetValue<int>().ShouldBe(2);
        average["orders"]!.GetValue<decimal>().ShouldBe(7m);   // (12 + 2) / 2
        // The moved one's own rows: the post and the wage of each day.
        var before = (await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-10&department=ops-east&brand={brand}"))["rows"]!.AsArray()
            .Single(r => r!["employeeId"]!.GetValue<string>() == moved)!;
        before["postId"]!.GetValue<string>().ShouldBe(ops);
        before["dailySalaryCost"]!.GetValue<decimal>().ShouldBe(459.77m);   // 10,000 / 21.75
        var after = (await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-13&department=ops-east&brand={brand}"))["rows"]!.AsArray()
            .Single(r => r!["employeeId"]!.GetValue<string>() == moved)!;
        after["postId"]!.GetValue<string>().ShouldBe(_api.Id("cs"));
        after["dailySalaryCost"]!.GetValue<decimal>().ShouldBe(367.82m);    // 8,000 / 21.75

        // The whole group's run reads the day's rows and every profile at once: it stores what was given on request.
        await _api.Ok(HttpMethod.Post, "/api/reports/daily/run?date=2026-11-10", new { });
        (await StoredReport(brand, dept, "2026-11-10")).ShouldNotBeNull();
        var stored = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-10&department={dept}&brand={brand}");
        stored["generatedAt"]!.ToJsonString().ShouldNotBe(onRequest["generatedAt"]!.ToJsonString());   // the stored one, not built again
        stored["rows"]!.ToJsonString().ShouldBe(onRequest["rows"]!.ToJsonString());
        stored["postAverages"]!.ToJsonString().ShouldBe(onRequest["postAverages"]!.ToJsonString());
    }

    [Fact]
    public async Task hr_can_produce_and_store_a_days_reports_on_demand()
    {
        var (brand, ops, dept) = (_api.Id("brand"), _api.Id("ops"), _api.Id("dept"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        await Hire("A", brand, ops, dept, 10_000m);

        var produced = await _api.Ok(HttpMethod.Post, "/api/reports/daily/run?date=2026-11-20", new { });

        produced["departments"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldContain(dept);
        (await StoredReport(brand, dept, "2026-11-20")).ShouldNotBeNull();   // stored, not only built on request
        var report = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-20&department={dept}");
        report["rows"]![0]!["tallied"]!.GetValue<bool>().ShouldBeFalse();
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Post, "/api/reports/daily/run?date=yesterday", new { }), 400);
    }

    [Fact]
    public async Task two_brands_with_a_department_of_the_same_name_get_a_report_each()
    {
        var (b1, b2, ops, dept) = (_api.Id("b1"), _api.Id("b2"), _api.Id("ops"), _api.Id("客服部"));
        await _api.DefineBrand(b1);
        await _api.DefineBrand(b2);
        await _api.DefinePost(ops, "ops");
        await Hire("A", b1, ops, dept, 10_000m);
        await Hire("B", b2, ops, dept, 8_700m);

        await _api.Ok(HttpMethod.Post, "/api/reports/daily/run?date=2026-11-20", new { });

        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/reports/daily?date=2026-11-20&department={dept}"), 400);
        var first = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-20&department={dept}&brand={b1}");
        var second = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-20&department={dept}&brand={b2}");
        first["id"]!.GetValue<string>().ShouldBe($"daily:{b1}:{dept}:2026-11-20");
        first["rows"]!.AsArray().Select(r => r!["employeeId"]!.GetValue<string>()).ShouldBe([_api.Id("A")]);
        second["rows"]!.AsArray().Select(r => r!["employeeId"]!.GetValue<string>()).ShouldBe([_api.Id("B")]);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/reports/daily?date=2026-11-20&department={dept}&brand={_api.Id("b3")}"), 404);
    }

    [Fact]
    public async Task a_department_name_shared_only_with_a_brand_whose_staff_have_left_needs_no_brand()
    {
        var (b1, b2, ops, dept) = (_api.Id("b1"), _api.Id("b2"), _api.Id("ops"), _api.Id("客服部"));
        await _api.DefineBrand(b1);
        await _api.DefineBrand(b2);
        await _api.DefinePost(ops, "ops");
        await Hire("A", b1, ops, dept, 10_000m);
        (await _api.Hire(_api.Id("B"), b2, ops, 8_700m, hiredOn: "2026-10-01", department: dept)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        await _api.Ok(HttpMethod.Post, $"/api/employees/{_api.Id("B")}/separations", new { kind = "resignation", date = "2026-10-31", reason = "个人原因" });

        var report = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-20&department={dept}");

        report["id"]!.GetValue<string>().ShouldBe($"daily:{b1}:{dept}:2026-11-20");
    }

    [Fact]
    public async Task a_report_needs_a_department_a_valid_date_and_respects_a_manager_scope()
    {
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/reports/daily?date={DateTime.UtcNow.AddDays(3):yyyy-MM-dd}&department=x"), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, "/api/reports/daily?date=2026-11-20"), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, "/api/reports/daily?date=2026-13-01&department=x"), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/reports/daily?date=2026-11-20&department={_api.Id("none")}"), 404);
        var scoped = Tokens.Manager("M02", "any", "ops-north");
        // Another department's report is answered as for a department without staff.
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, "/api/reports/daily?date=2026-11-20&department=ops-south", token: scoped), 404);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, "/api/cases", token: Tokens.For("M03", "manager")), 401);   // no brand, no department
    }

    [Fact]
    public async Task the_nine_oclock_run_stores_yesterdays_report_and_tells_the_department_head_once()
    {
        var (brand, ops, dept) = (_api.Id("brand"), _api.Id("ops"), _api.Id("dept"));
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(-1);
        var localHour = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Hour;
        if (localHour < 9) yesterday = yesterday.AddDays(-1);   // before 09:00 the latest report due is the day before
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        await _api.PublishStandard(brand, ops, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        await Hire("A", brand, ops, dept, 10_000m);
        await _api.PostTallies(new[] { new { sourceId = $"{_api.Run}:A:y", employeeId = _api.Id("A"), date = yesterday.ToString("yyyy-MM-dd"),
            metrics = new { orders = 3, visitors = 150, revenue = 960m } } });

        await WakeUp();
        await WakeUp(duplicate: true);   // another node's start-up, a redelivery
        await WakeUp();   // the next hour: the day is reported already

        var stored = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date={yesterday:yyyy-MM-dd}&department={dept}");
        stored["id"]!.GetValue<string>().ShouldBe($"daily:{brand}:{dept}:{yesterday:yyyy-MM-dd}");
        (await StoredReport(brand, dept, yesterday.ToString("yyyy-MM-dd"))).ShouldNotBeNull();
        stored["rows"]![0]!["overCostThreshold"]!.GetValue<bool>().ShouldBeTrue();
        var sent = (await _api.Ok(HttpMethod.Get, "/api/notifications?recipient=M01")).AsArray()
            .Where(n => n!["kind"]!.GetValue<string>() == "daily-report" && n["message"]!.GetValue<string>().Contains(dept)).ToList();
        sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task an_hourly_wake_up_delivers_the_report_to_the_heads_robot_and_sweeps_the_alerts()
    {
        await using var robot = new WebhookReceiver(failFirst: 0);
        var (brand, ops, dept, head) = (_api.Id("brand"), _api.Id("ops"), _api.Id("dept"), _api.Id("M"));
        await _api.Ok(HttpMethod.Put, $"/api/webhooks/{_api.Id("robot")}", new { url = robot.Url, format = "dingtalk", recipients = new[] { head } });
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        (await _api.Send(HttpMethod.Post, "/api/employees", new
        {
            employeeId = _api.Id("A"), name = "王小明", brandId = brand, region = "east", department = dept, postId = ops,
            managerId = head, hrId = "hr-li", hiredOn = "2026-11-01", monthlySalary = 10000, contract = new { payAdjustableWithPost = true }
        })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);

        var tracked = await WakeUp();

        tracked.Executed.MessagesOf<EventHr.Api.Alerts.AlertSweepDue>().Count().ShouldBe(1);
        var delivered = await Eventually.Get(() => Task.FromResult(robot.Requests.ToList()), r => r.Count >= 1, "the report to reach the robot");
        delivered.Single().Body["text"]!["content"]!.GetValue<string>().ShouldContain($"日报 Daily report {dept}");
    }

    [Fact]
    public async Task a_departments_robot_gets_its_brands_report_not_that_of_another_brands_department_of_the_same_name()
    {
        await using var robot = new WebhookReceiver(failFirst: 0);
        var (mine, other, ops, dept) = (_api.Id("brand"), _api.Id("other"), _api.Id("ops"), _api.Id("ops-east"));
        await _api.DefineBrand(mine);
        await _api.DefineBrand(other);
        await _api.DefinePost(ops, "ops");
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Put, $"/api/webhooks/{_api.Id("robot")}",
            new { url = robot.Url, format = "dingtalk", departments = new[] { dept } }), 400);
        await _api.Ok(HttpMethod.Put, $"/api/webhooks/{_api.Id("robot")}",
            new { url = robot.Url, format = "dingtalk", departments = new[] { dept }, brandId = mine });
        await Hire("A", mine, ops, dept, 10000);
        await Hire("B", other, ops, dept, 12000);

        await WakeUp();

        var delivered = await Eventually.Get(() => Task.FromResult(robot.Requests.ToList()), r => r.Count >= 1, "the report to reach the robot");
        await Task.Delay(500);   // a second, wrong delivery would have left with the first
        robot.Requests.Count.ShouldBe(1);
        delivered[0].Body["text"]!["content"]!.GetValue<string>().ShouldContain($"日报 Daily report {dept}");
    }

    /// <summary>
    /// The hourly wake-up at the top of an hour, waited for until the work it hands on (report run, sweep) is done;
    /// webhook deliveries are not waited for, since other tests' receivers are gone and are retried for hours. The
    /// chain keeps real time, so the booked hour is made to have come; a duplicate comes in the same hour.
    /// </summary>
    private async Task<ITrackedSession> WakeUp(bool duplicate = false)
    {
        if (!duplicate) await HourlyChain.BookedWakeUpAt(fixture.Host, DateTimeOffset.UtcNow.AddSeconds(-1));
        return await fixture.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).IgnoreMessageType<EventHr.Api.Notifications.DeliverWebhook>()
            .InvokeMessageAndWaitAsync(new EventHr.Api.Reports.Daily.DailyReportsDue());
    }

    /// <summary>The report document as the run stored it (a GET would build a missing one on request).</summary>
    private async Task<EventHr.Domain.Reports.DailyReport?> StoredReport(string brand, string department, string day)
    {
        await using var session = fixture.Host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        return await session.LoadAsync<EventHr.Domain.Reports.DailyReport>($"daily:{brand}:{department}:{day}");
    }

    private async Task Hire(string who, string brand, string post, string department, decimal salary) =>
        (await _api.Hire(_api.Id(who), brand, post, salary, department: department)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);

    private object Row(string who, int orders, int visitors, decimal revenue) => new
    {
        sourceId = $"{_api.Run}:{who}:2026-11-20", employeeId = _api.Id(who), date = "2026-11-20",
        metrics = new { orders, visitors, revenue }
    };
}
