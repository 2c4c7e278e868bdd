using System.Net;
using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

/// <summary>Stories 1–4 of DOMAIN.md over HTTP: the weak operations hire, day by day.</summary>
[Collection(AppCollection.Name)]
public sealed class CaseLifecycleTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);
    private CaseApi Cases => new(_api);
    private static readonly DateOnly Nov2 = new(2026, 11, 2);

    private static int Count(JsonArray timeline, string type) => timeline.Count(e => e!["type"]!.GetValue<string>() == type);

    [Fact]
    public async Task story1_the_warning_comes_the_day_the_third_low_tally_lands_and_reaches_both_people_once()
    {
        var (_, _, employee) = await _api.OperationsHire();
        var caseId = $"{employee}-1";

        await Cases.TallyDays(employee, Nov2, 2, 3);
        await Cases.Tally(employee, "2026-11-04", 2);
        var opened = await Cases.WaitForCase(caseId, "plan-pending");
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 5), 9, 2, 2, 2);   // a recovery, then a relapse
        var later = await Eventually.Get(() => Cases.Case(caseId), c => Count(c["timeline"]!.AsArray(), "breach_attached") == 1, "a later breach");

        opened["case"]!["openedOn"]!.GetValue<string>().ShouldBe("2026-11-04");
        opened["timeline"]![0]!["by"]!.GetValue<string>().ShouldBe("system:rules");
        var warning = opened["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "warning_raised")!;
        warning["data"]!["businessDate"]!.GetValue<string>().ShouldBe("2026-11-04");
        Count(later["timeline"]!.AsArray(), "warning_raised").ShouldBe(1);
        foreach (var person in new[] { "hr-li", "M01" })
            (await Cases.Notifications(person)).Count(n => n!["caseId"]?.GetValue<string>() == caseId).ShouldBe(1);
        (await _api.Ok(HttpMethod.Get, $"/api/cases?employeeId={employee}")).AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task low_tallies_arriving_at_once_open_one_case_with_one_warning()
    {
        var (_, _, employee) = await _api.OperationsHire();
        var caseId = $"{employee}-1";
        await Cases.TallyDays(employee, Nov2, 2, 2);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Cases.Tally(employee, Nov2.AddDays(2 + i).ToString("yyyy-MM-dd"), 1)));
        // A recovery and a relapse, sent one by one, are evaluated after every concurrent batch (one queue, in order).
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 10), 9, 1, 1, 1);
        var c = (await Eventually.Get(() => Cases.TryCase(caseId),
            x => x?["case"]!["lastBreachOn"]!.GetValue<string>() == "2026-11-13", "every batch to be evaluated"))!;

        Count(c["timeline"]!.AsArray(), "case_opened").ShouldBe(1);
        Count(c["timeline"]!.AsArray(), "warning_raised").ShouldBe(1);
        (await _api.Ok(HttpMethod.Get, $"/api/cases?employeeId={employee}")).AsArray().Count.ShouldBe(1);
        (await Cases.Notifications("M01")).Count(n => n!["caseId"]?.GetValue<string>() == caseId).ShouldBe(1);
    }

    [Fact]
    public async Task a_catch_up_feed_with_several_days_warns_on_the_day_the_pattern_appeared()
    {
        var (_, _, employee) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in
        var days = new[] { ("2026-11-02", 2), ("2026-11-03", 3), ("2026-11-04", 2), ("2026-11-05", 12) };

        await _api.PostTallies(days.Select(d => new
        {
            sourceId = $"{_api.Run}:catch-up:{d.Item1}", employeeId = employee, date = d.Item1,
            metrics = new { orders = d.Item2, visitors = 150, revenue = d.Item2 * 95m, clicks = 400 }
        }).ToArray());
        var c = await Cases.WaitForCase($"{employee}-1", "plan-pending");

        c["case"]!["openedOn"]!.GetValue<string>().ShouldBe("2026-11-04");
        Count(c["timeline"]!.AsArray(), "warning_raised").ShouldBe(1);
    }

    [Fact]
    public async Task story2_the_case_drafts_a_plan_with_targets_period_and_a_course()
    {
        var (_, _, employee) = await _api.OperationsHire();

        await Cases.TallyDays(employee, Nov2, 2, 3, 2);
        var c = await Cases.WaitForCase($"{employee}-1", "plan-pending");

        var plan = c["case"]!["plan"]!;
        plan["targets"]!["orders"]!["target"]!.GetValue<decimal>().ShouldBe(5m);
        plan["from"]!.GetValue<string>().ShouldBe("2026-11-05");
        plan["until"]!.GetValue<string>().ShouldBe("2026-11-18");
        plan["baseline"]!["orders"]!.GetValue<decimal>().ShouldBe(2.3333m);
        var support = plan["support"]!.AsArray().Single()!;
        support["diagnosis"]!.GetValue<string>().ShouldBe("promotion-strategy");
        support["course"]!.GetValue<string>().ShouldContain("推广");
    }

    [Fact]
    public async Task story4_an_improving_employee_is_extended_then_passes()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        var caseId = $"{employee}-1";
        await Cases.AcknowledgeStandard(employee, brand, post, 1);
        await Cases.TallyDays(employee, Nov2, 2, 2, 2);
        await Cases.WaitForCase(caseId, "plan-pending");
        await Cases.SetPlan(caseId, new { orders = 10 }, "2026-11-05", "2026-11-11");
        await Cases.AcknowledgePlan(caseId, employee);

        await Cases.TallyDays(employee, new DateOnly(2026, 11, 5), 6, 6, 6, 6, 6, 6, 6);
        var improving = await Cases.WaitForCase(caseId, "awaiting-decision");
        var early = await Cases.Decide(caseId, new { kind = "terminate", delivery = new { method = "in-person", reference = "解除通知签收单 signed receipt" }, reason = "x", unionNotifiedOn = "2026-11-12", noticeKind = "30-days" });
        var extended = await _api.Json(await Cases.Decide(caseId, new { kind = "extend", reason = "订单 2 → 6，明显进步", until = "2026-11-18" },
            Tokens.Manager("M01", _api.Id("brand"), "ops-east")), 200);
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 12), 10, 10, 10, 10, 10, 10, 10);
        var passed = await Cases.WaitForCase(caseId, "closed");

        var result = improving["case"]!["assessments"]![0]!["results"]![0]!;
        result["periodAverage"]!.GetValue<decimal>().ShouldBe(6m);
        result["relativeImprovement"]!.GetValue<decimal>().ShouldBe(2m);
        var refusal = await TestApi.ShouldBeProblem(early, 422);
        refusal["guard"]!.GetValue<string>().ShouldBe("art40-2-first-finding-missing");
        extended["decision"]!["until"]!.GetValue<string>().ShouldBe("2026-11-18");
        passed["case"]!["outcome"]!.GetValue<string>().ShouldBe("passed");
        Count(passed["timeline"]!.AsArray(), "incompetence_found").ShouldBe(0);
        await TestApi.ShouldBeProblem(await Cases.Decide(caseId, new { kind = "extend", reason = "again", until = "2026-11-30" }), 409);
    }

    [Fact]
    public async Task story4_failure_reassignment_with_consent_second_assessment_and_lawful_termination()
    {
        var (caseId, employee) = await Cases.WalkToSecondFinding();

        var noUnion = await Cases.Decide(caseId, new { kind = "terminate", delivery = new { method = "in-person", reference = "解除通知签收单 signed receipt" }, reason = "仍不能胜任", noticeKind = "30-days", servedOn = "2026-11-25" });
        var terminated = await _api.Json(await Cases.Decide(caseId, new
        {
            kind = "terminate", delivery = new { method = "in-person", reference = "解除通知签收单 signed receipt" }, reason = "培训/调岗后仍不能胜任", unionNotifiedOn = "2026-11-24", noticeKind = "30-days", servedOn = "2026-11-25"
        }), 200);

        var missing = await TestApi.ShouldBeProblem(noUnion, 422);
        missing["guard"]!.GetValue<string>().ShouldBe("art43-union-not-notified");
        missing["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["union-notified"]);
        var decision = terminated["decision"]!;
        decision["effectiveOn"]!.GetValue<string>().ShouldBe("2026-12-25");
        decision["payInLieu"]!.GetValue<decimal>().ShouldBe(0m);
        decision["severance"]!["months"]!.GetValue<decimal>().ShouldBe(0.5m);
        decision["severance"]!["base"]!.GetValue<decimal>().ShouldBe(8000m);
        decision["severance"]!["amount"]!.GetValue<decimal>().ShouldBe(4000m);
        terminated["status"]!.GetValue<string>().ShouldBe("closed");
        var profile = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}");
        profile["endedOn"]!.GetValue<string>().ShouldBe("2026-12-25");
    }

    [Fact]
    public async Task story4_termination_is_refused_while_a_pregnancy_protection_covers_the_notice_date()
    {
        var (caseId, employee) = await Cases.WalkToSecondFinding();
        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/protections", new { kind = "pregnancy", from = "2026-11-20" });

        var refused = await Cases.Decide(caseId, new
        {
            kind = "terminate", delivery = new { method = "in-person", reference = "解除通知签收单 signed receipt" }, reason = "x", unionNotifiedOn = "2026-11-24", noticeKind = "pay-in-lieu", servedOn = "2026-11-25"
        });

        var problem = await TestApi.ShouldBeProblem(refused, 422);
        problem["guard"]!.GetValue<string>().ShouldBe("art42-protected-status");
        var c = await Cases.Case(caseId);
        c["status"]!.GetValue<string>().ShouldBe("termination-possible");
        Count(c["timeline"]!.AsArray(), "employment_terminated").ShouldBe(0);
    }

    [Fact]
    public async Task a_deadline_without_data_escalates_to_hr_once_even_across_a_restart()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        var caseId = $"{employee}-1";
        await Cases.AcknowledgeStandard(employee, brand, post, 1);
        await Cases.TallyDays(employee, Nov2, 2, 2, 2);
        await Cases.WaitForCase(caseId, "plan-pending");
        await Cases.AcknowledgePlan(caseId, employee);

        await fixture.Restart();
        await Eventually.Get(() => Cases.Case(caseId),
            c => Count(c["timeline"]!.AsArray(), "assessment_data_missing") > 0, "the no-data escalation", 30_000);
        await Task.Delay(AppFixture.NoDataGrace / 2);

        var c = await Cases.Case(caseId);
        Count(c["timeline"]!.AsArray(), "assessment_data_missing").ShouldBe(1);
        c["status"]!.GetValue<string>().ShouldBe("plan-active");
        (await Cases.Notifications("hr-li")).Count(n => n!["caseId"]?.GetValue<string>() == caseId
            && n["kind"]!.GetValue<string>() == "assessment-data-missing").ShouldBe(1);
        // Read from the settled view: the one that first showed the event may have read the case document a moment before it.
        c["case"]!["escalatedDeadlines"]!.AsArray().Single()!.GetValue<string>().ShouldBe("2026-11-18");
    }

    [Fact]
    public async Task case_commands_validate_input_and_unknown_cases_are_404()
    {
        var (_, _, employee) = await _api.OperationsHire();
        await Cases.TallyDays(employee, Nov2, 2, 2, 2);
        var caseId = $"{employee}-1";
        await Cases.WaitForCase(caseId, "plan-pending");

        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Post, "/api/cases/nope-1/notes", new { text = "hi" }), 404);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Post, $"/api/cases/{caseId}/notes", new { text = "" }), 400);
        await TestApi.ShouldBeProblem(await Cases.Decide(caseId, new { kind = "fire", reason = "x" }), 400);
        await TestApi.ShouldBeProblem(await Cases.Decide(caseId, new { kind = "terminate", delivery = new { method = "in-person", reference = "解除通知签收单 signed receipt" }, reason = "x" }, Tokens.Manager("M01", _api.Id("brand"), "ops-east")), 403);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip", new { targets = new { }, from = "2026-11-05" }), 400);
        var note = await _api.Ok(HttpMethod.Post, $"/api/cases/{caseId}/notes", new { text = "谈话：订单偏低的原因", employeeResponse = "不熟悉产品" }, Tokens.Manager("M01", _api.Id("brand"), "ops-east"));

        note["number"]!.GetValue<int>().ShouldBe(1);
        note["notedBy"]!.GetValue<string>().ShouldBe("M01");
        (await Cases.Case(caseId))["case"]!["notes"]!.GetValue<int>().ShouldBe(1);
    }
}
