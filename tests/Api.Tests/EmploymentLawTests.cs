using System.Net;
using Wolverine.Tracking;
using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

/// <summary>Employment facts, dated law figures and payroll over HTTP, and the termination computed from them (issue 12).</summary>
[Collection(AppCollection.Name)]
public sealed class EmploymentLawTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);
    private CaseApi Cases => new(_api);

    [Fact]
    public async Task law_figures_are_dated_master_data_of_group_hr_listed_per_city()
    {
        var city = _api.Id("city");
        var figure = new { city, kind = "minimumMonthlyWage", effectiveFrom = "2025-07-01", amount = 2740, source = "沪人社规〔2025〕 minimum wage notice" };

        var first = await _api.Send(HttpMethod.Post, "/api/law-figures", figure);
        var again = await _api.Send(HttpMethod.Post, "/api/law-figures", figure);
        var brandHr = await _api.Send(HttpMethod.Post, "/api/law-figures", figure, Tokens.For("hr-wang", ["hr"], brand: "b1"));
        var bad = await _api.Send(HttpMethod.Post, "/api/law-figures", new { city, kind = (string?)null, effectiveFrom = "2025-07-01", amount = -1, source = "" });
        await _api.Ok(HttpMethod.Post, "/api/law-figures", figure with { effectiveFrom = "2024-07-01", amount = 2690 });
        var listed = (await _api.Ok(HttpMethod.Get, $"/api/law-figures?city={city}")).AsArray();

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditTrail.Events(fixture, $"law-figures:{city}")).Count.ShouldBe(2);   // the repeat recorded nothing
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        await TestApi.ShouldBeProblem(brandHr, 403);
        (await TestApi.ShouldBeProblem(bad, 400))["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["kind", "amount", "source"], ignoreOrder: true);
        listed.Select(f => $"{f!["effectiveFrom"]} {f["amount"]}").ShouldBe(["2024-07-01 2690", "2025-07-01 2740"]);
    }

    [Fact]
    public async Task a_hire_records_the_employment_facts_and_refuses_a_probation_art_19_does_not_allow()
    {
        var (brand, post, employee) = (_api.Id("brand"), _api.Id("ops"), _api.Id("E"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(post, "ops");
        object Hire(string probationUntil) => new
        {
            employeeId = employee, name = "李娜", brandId = brand, region = "east", department = "ops-east", postId = post, managerId = "M01",
            hrId = "hr-li", hiredOn = "2026-11-01", monthlySalary = 9000, city = "Shanghai", birthDate = "1972-05-20", gender = "female",
            retirementCategory = "cadre", priorServiceMonths = 12,
            contract = new { payAdjustableWithPost = false, kind = "fixed-term", startsOn = "2026-11-01", endsOn = "2027-10-31", probationUntil,
                hiringConditions = new[] { new { metric = "orders", target = 8, text = "日均订单不少于8单" } } }
        };

        var tooLong = await _api.Send(HttpMethod.Post, "/api/employees", Hire("2027-02-15"));
        var hired = await _api.Json(await _api.Send(HttpMethod.Post, "/api/employees", Hire("2026-12-31")), 201);
        var profile = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}");
        var head = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}", token: Tokens.Manager("M01", brand, "ops-east"));

        (await TestApi.ShouldBeProblem(tooLong, 400))["errors"]!["contract.probationUntil"]![0]!.GetValue<string>().ShouldContain("2 month");
        hired["employment"]!["city"]!.GetValue<string>().ShouldBe("shanghai");
        // A woman cadre born 1972-05 (28 months after 1970-01) retires at 55 + 8 months (one month per 4): 2028-01-20.
        profile["statutoryRetirementOn"]!.GetValue<string>().ShouldBe("2028-01-20");
        profile["employment"]!["probationUntil"]!.GetValue<string>().ShouldBe("2026-12-31");
        profile["employment"]!["hiringConditions"]![0]!["text"]!.GetValue<string>().ShouldBe("日均订单不少于8单");
        head["employment"]!["birthDate"].ShouldBeNull();
        head["statutoryRetirementOn"].ShouldBeNull();
        head["employment"]!["probationUntil"]!.GetValue<string>().ShouldBe("2026-12-31");
    }

    [Fact]
    public async Task facts_recorded_after_hire_are_checked_as_a_whole_and_a_repeat_records_nothing()
    {
        var (_, _, employee) = await _api.OperationsHire();
        var facts = new { facts = new { city = "hangzhou", priorServiceMonths = 6 }, reason = "入职资料补录" };

        var recorded = await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/employment-facts", facts);
        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/employment-facts", facts);
        var man = await _api.Send(HttpMethod.Post, $"/api/employees/{employee}/employment-facts",
            new { facts = new { gender = "male" }, reason = "更正" });   // she is recorded as a worker: a man has no category
        var noReason = await _api.Send(HttpMethod.Post, $"/api/employees/{employee}/employment-facts", new { facts = new { city = "x" } });

        recorded["employment"]!["city"]!.GetValue<string>().ShouldBe("hangzhou");
        (await AuditTrail.Events(fixture, $"employee:{employee}")).Count(e => e.Type == "employment_facts_recorded").ShouldBe(1);
        (await TestApi.ShouldBeProblem(man, 400))["errors"]!["facts.retirementCategory"].ShouldNotBeNull();
        (await TestApi.ShouldBeProblem(noReason, 400))["errors"]!["reason"].ShouldNotBeNull();
    }

    [Fact]
    public async Task payroll_is_taken_like_tallies_within_hrs_brands_and_a_sourceid_keeps_its_figures()
    {
        var (brand, _, employee) = await _api.OperationsHire();
        object Row(string source, string month, decimal @base, decimal bonus = 0) => new { sourceId = $"{_api.Run}:{source}", employeeId = employee, month, @base, bonus };

        var first = await _api.Ok(HttpMethod.Post, "/api/payroll", new[] { Row("p1", "2026-11", 10_000, 1_500), Row("p0", "2026-10", 10_000) });
        var again = await _api.Ok(HttpMethod.Post, "/api/payroll", new[] { Row("p1", "2026-11", 10_000, 1_500), Row("p1b", "2026-11", 10_000, 2_000) });
        var changed = await _api.Ok(HttpMethod.Post, "/api/payroll", new[] { Row("p1", "2026-11", 9_000) });
        var otherBrand = await _api.Ok(HttpMethod.Post, "/api/payroll", new[] { Row("p2", "2026-11", 10_000) }, Tokens.For("hr-wang", ["hr"], brand: "elsewhere"));
        var manager = await _api.Send(HttpMethod.Post, "/api/payroll", new[] { Row("p3", "2026-11", 10_000) }, Tokens.Manager("M01", brand, "ops-east"));

        (first["accepted"]!.GetValue<int>(), first["rejected"]!.AsArray().Single()!["errors"]!["row"]![0]!.GetValue<string>())
            .ShouldBe((1, "month 2026-10 is before the hire date 2026-11-01"));
        (again["accepted"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()).ShouldBe((1, 1));   // p1b corrects November
        changed["rejected"]!.AsArray().Single()!["errors"]!["sourceId"].ShouldNotBeNull();
        otherBrand["rejected"]!.AsArray().Single()!["errors"]!["row"]![0]!.GetValue<string>().ShouldBe($"unknown employee '{employee}'");
        await TestApi.ShouldBeProblem(manager, 403);
        (await AuditTrail.Events(fixture, $"payroll:{employee}")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_termination_uses_the_city_figures_and_wages_due_and_is_refused_naming_a_missing_figure()
    {
        var (caseId, employee) = await Cases.WalkToSecondFinding();
        var terminate = new { kind = "terminate", delivery = new { method = "in-person", reference = "解除通知签收单 signed receipt" }, reason = "培训/调岗后仍不能胜任", unionNotifiedOn = "2026-11-24", noticeKind = "pay-in-lieu", servedOn = "2026-11-25" };
        var city = _api.Id("nowhere");
        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/employment-facts", new { facts = new { city }, reason = "劳动合同履行地更正" });

        var refused = await TestApi.ShouldBeProblem(await Cases.Decide(caseId, terminate), 422);

        refused["guard"]!.GetValue<string>().ShouldBe("g9-law-figure-missing");
        refused["missing"]!.AsArray().Select(m => m!.GetValue<string>())
            .ShouldBe([$"minimumMonthlyWage of {city} in force on 2026-11-25", $"averageMonthlyWage of {city} in force on 2026-11-25"]);

        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/employment-facts", new { facts = new { city = TestApi.City }, reason = "劳动合同履行地更正" });
        await _api.Ok(HttpMethod.Post, "/api/payroll", new[]
        {
            new { sourceId = $"{_api.Run}:nov", employeeId = employee, month = "2026-10", @base = 0m, bonus = 0m },   // before the hire: refused
            new { sourceId = $"{_api.Run}:oct", employeeId = employee, month = "2026-11", @base = 8_000m, bonus = 1_200m },
        });
        _api.At("2026-12-01T20:00:00+08:00");   // served days later, once the figures are right
        var terminated = (await _api.Json(await Cases.Decide(caseId, terminate with { servedOn = "2026-12-01" }), 200))["decision"]!;

        terminated["payInLieu"]!.GetValue<decimal>().ShouldBe(9_200m);   // November's wages due, not the contract rate
        terminated["severance"]!["wagesFrom"]!.GetValue<string>().ShouldStartWith("payroll, 1 of 1 months 2026-11..2026-11");
        terminated["severance"]!["minimumMonthlyWage"]!.GetValue<decimal>().ShouldBe(2_690m);
        terminated["severance"]!["figuresUsed"]!.AsArray().Count.ShouldBe(2);
        terminated["severance"]!["months"]!.GetValue<decimal>().ShouldBe(0.5m);
    }


    /// <summary>The founding article's new hire: on probation with "orders ≥ 8 a day" communicated at hire and acknowledged.</summary>
    private async Task<(string Brand, string Employee)> ProbationHire(string probationUntil)
    {
        var (brand, post, employee) = (_api.Id("brand"), _api.Id("ops"), _api.Id("E"));
        _api.At("2026-11-01T09:00:00+08:00");
        await _api.DefineBrand(brand);
        await _api.DefinePost(post, "ops");
        await _api.PublishStandard(brand, post, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        await _api.RecordLawFigures();
        await _api.Json(await _api.Send(HttpMethod.Post, "/api/employees", new
        {
            employeeId = employee, name = "王小明", brandId = brand, region = "east", department = "ops-east", postId = post, managerId = "M01",
            hrId = "hr-li", hiredOn = "2026-11-01", monthlySalary = 10000, city = TestApi.City, birthDate = "2000-03-01", gender = "male",
            contract = new { payAdjustableWithPost = false, kind = "fixed-term", startsOn = "2026-11-01", endsOn = "2029-10-31", probationUntil,
                hiringConditions = new[] { new { metric = "orders", target = 8, text = "日均订单不少于8单 at least 8 orders a day" } } }
        }), 201);
        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/hiring-conditions/acknowledgement", new { }, Cases.EmployeeToken(employee));
        return (brand, employee);
    }

    private static object Dismissal(string served) => new
    {
        kind = "probation-dismissal", reason = "试用期内不符合录用条件：日均订单2单，录用条件8单", from = "2026-11-02", until = "2026-11-11",
        conditionsFailed = new[] { "orders" }, servedOn = served,
        union = new { notifiedOn = served, reasons = "试用期考核数据：11月2日至11日日均订单2单，低于录用条件8单" },
        delivery = new { method = "in-person", reference = "试用期解除通知书签收 signed receipt" }
    };

    [Fact]
    public async Task a_new_hire_who_misses_a_hiring_condition_is_dismissed_within_probation_with_its_own_checklist()
    {
        var (_, employee) = await ProbationHire("2026-12-31");
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2, 3, 2, 2, 3, 2, 2, 2);
        var caseId = $"{employee}-1";
        await Cases.WaitForCase(caseId, "plan-pending");
        _api.At("2026-11-12T10:00:00+08:00");

        var dismissed = await _api.Json(await Cases.Decide(caseId, Dismissal("2026-11-12")), 200);
        var profile = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}");
        var bundle = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}/evidence", token: Tokens.For("audit-zhao", "auditor"));

        dismissed["status"]!.GetValue<string>().ShouldBe("closed");
        dismissed["decision"]!["conditionsFailed"]![0]!["average"]!.GetValue<decimal>().ShouldBe(2.2m);
        profile["endedOn"]!.GetValue<string>().ShouldBe("2026-11-12");   // no notice: it ends the day it is served
        var checklist = bundle["checklist"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        checklist.ShouldContain("in-probation");
        checklist.ShouldContain("condition-shown");
        checklist.ShouldNotContain("finding-1");   // art. 40(2)'s steps are not this route's
        bundle["checklistSatisfied"]!.GetValue<bool>().ShouldBeTrue(bundle["checklist"]!.ToJsonString());
    }

    [Fact]
    public async Task once_probation_has_ended_the_probation_route_is_refused()
    {
        var (_, employee) = await ProbationHire("2026-11-30");
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2, 3, 2, 2, 3, 2, 2, 2);
        await Cases.WaitForCase($"{employee}-1", "plan-pending");
        _api.At("2026-12-01T20:00:00+08:00");

        var refused = await TestApi.ShouldBeProblem(await Cases.Decide($"{employee}-1", Dismissal("2026-12-01")), 422);

        refused["guard"]!.GetValue<string>().ShouldBe("art39-1-not-in-probation");
    }

    [Fact]
    public async Task hr_hears_of_a_fixed_term_contract_ending_within_30_days_once_and_its_end_owes_n_unless_extended()
    {
        var (brand, post, employee, pregnant) = (_api.Id("brand"), _api.Id("ops"), _api.Id("E"), _api.Id("P"));
        _api.At("2026-11-01T10:00:00+08:00");   // stories stay before real time: a clock ahead of it would move the hourly timers
        await _api.DefineBrand(brand);
        await _api.DefinePost(post, "ops");
        await _api.RecordLawFigures();
        foreach (var (id, gender, category) in new[] { (employee, "male", (string?)null), (pregnant, "female", "worker") })
            await _api.Json(await _api.Send(HttpMethod.Post, "/api/employees", new
            {
                employeeId = id, name = "赵六", brandId = brand, region = "east", department = "ops-east", postId = post, managerId = "M01",
                hrId = "hr-li", hiredOn = "2025-11-26", monthlySalary = 9000, city = TestApi.City, birthDate = "1996-01-01", gender, retirementCategory = category,
                contract = new { payAdjustableWithPost = false, kind = "fixed-term", startsOn = "2025-11-26", endsOn = "2026-11-25" }
            }), 201);
        await _api.Ok(HttpMethod.Post, $"/api/employees/{pregnant}/protections", new { kind = "pregnancy", from = "2026-10-01" });

        await ContractsLookedAt();
        await ContractsLookedAt();
        var told = (await _api.Ok(HttpMethod.Get, "/api/notifications?recipient=hr-li")).AsArray()
            .Where(n => n!["kind"]!.GetValue<string>() == "contract-ending" && n["employeeId"]?.GetValue<string>() == employee).ToList();

        told.Count.ShouldBe(1);
        told[0]!["message"]!.GetValue<string>().ShouldContain("2026-11-25");

        _api.At("2026-11-25T18:00:00+08:00");
        var refused = await _api.Send(HttpMethod.Post, $"/api/employees/{pregnant}/separations", new { kind = "contract-end", date = "2026-11-25", reason = "合同到期" });
        var ended = await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/separations", new { kind = "contract-end", date = "2026-11-25", reason = "合同到期" });

        (await TestApi.ShouldBeProblem(refused, 422))["guard"]!.GetValue<string>().ShouldBe("art45-contract-extended");
        ended["severance"]!["months"]!.GetValue<decimal>().ShouldBe(1m);   // one year to the day
        ended["severance"]!["amount"]!.GetValue<decimal>().ShouldBe(9_000m);
    }

    [Fact]
    public async Task hr_records_a_review_of_a_standard_within_its_brands()
    {
        var (brand, post, _) = await _api.OperationsHire();
        var review = new { conclusion = "复核：目标与同岗位历史水平一致，维持 targets match the post's history; kept" };

        var reviewed = await _api.Ok(HttpMethod.Post, $"/api/standards/{brand}/{post}/reviews", review);
        var otherBrand = await _api.Send(HttpMethod.Post, $"/api/standards/{brand}/{post}/reviews", review, Tokens.For("hr-wang", ["hr"], brand: "elsewhere"));
        var unknown = await _api.Send(HttpMethod.Post, $"/api/standards/{brand}/{_api.Id("nope")}/reviews", review);
        var empty = await _api.Send(HttpMethod.Post, $"/api/standards/{brand}/{post}/reviews", new { conclusion = " " });

        reviewed["reviewedBy"]!.GetValue<string>().ShouldBe("hr-li");
        (await _api.Ok(HttpMethod.Get, $"/api/standards/{brand}/{post}"))["lastReviewedAt"].ShouldNotBeNull();
        await TestApi.ShouldBeProblem(otherBrand, 404);
        await TestApi.ShouldBeProblem(unknown, 404);
        await TestApi.ShouldBeProblem(empty, 400);
    }

    [Fact]
    public async Task a_pregnancy_beginning_during_the_notice_postpones_the_end_and_the_answer_says_so()
    {
        var (caseId, employee) = await Cases.WalkToSecondFinding();
        await _api.Json(await Cases.Decide(caseId, new
        {
            kind = "terminate", reason = "培训/调岗后仍不能胜任", noticeKind = "30-days", servedOn = "2026-11-25",
            union = new { notifiedOn = "2026-11-24", reasons = "两次考核未达标" }, delivery = new { method = "post", reference = "EMS EA000000001CN" }
        }), 200);
        _api.At("2026-11-28T10:00:00+08:00");

        var answer = await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/protections", new { kind = "pregnancy", from = "2026-11-28" });
        var profile = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}");

        answer["endPostponed"]!["previousEndOn"]!.GetValue<string>().ShouldBe("2026-12-25");
        answer["endPostponed"]!["newEndOn"].ShouldBeNull();   // until the status ends
        profile["endedOn"].ShouldBeNull();
    }

    private async Task ContractsLookedAt() =>
        await fixture.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).IgnoreMessageType<EventHr.Api.Notifications.DeliverWebhook>()
            .InvokeMessageAndWaitAsync(new EventHr.Api.Staff.ContractEndsDue());
}
