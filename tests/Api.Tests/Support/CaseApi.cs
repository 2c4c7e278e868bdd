using System.Text.Json.Nodes;

namespace EventHr.Api.Tests.Support;

/// <summary>Scenario helpers for performance cases: the weak operations hire walked day by day.</summary>
public sealed class CaseApi(TestApi api)
{
    public string EmployeeToken(string employee) => Tokens.For($"u-{employee}", "employee", employee);

    /// <summary>
    /// One batch a day, as a shop system sends its daily feed: on that day's evening (Beijing time), so the story's clock
    /// moves forward to it and the steps that follow happen after the days they rest on.
    /// </summary>
    public async Task Tally(string employee, string date, int orders, int clicks = 400, int visitors = 150)
    {
        api.AtLeast(new DateTimeOffset(DateOnly.Parse(date).ToDateTime(new TimeOnly(20, 0)), TimeSpan.FromHours(8)));
        await api.PostTallies(new[]
        {
            new { sourceId = $"{api.Run}:{employee}:{date}", employeeId = employee, date,
                  metrics = new { orders, visitors, revenue = orders * 95m, clicks } }
        });
    }

    public async Task TallyDays(string employee, DateOnly from, params int[] orders)
    {
        for (var i = 0; i < orders.Length; i++) await Tally(employee, from.AddDays(i).ToString("yyyy-MM-dd"), orders[i]);
    }

    public async Task<JsonNode> Case(string caseId) => await api.Ok(HttpMethod.Get, $"/api/cases/{caseId}");

    /// <summary>The case, or null while it does not exist yet.</summary>
    public async Task<JsonNode?> TryCase(string caseId)
    {
        var r = await api.Send(HttpMethod.Get, $"/api/cases/{caseId}");
        return r.IsSuccessStatusCode ? JsonNode.Parse(await r.Content.ReadAsStringAsync()) : null;
    }

    public async Task<JsonNode> WaitForCase(string caseId, string status) =>
        (await Eventually.Get(() => TryCase(caseId), c => c?["status"]?.GetValue<string>() == status, $"case {caseId} to be {status}"))!;

    public async Task<JsonArray> Notifications(string recipient) =>
        (await api.Ok(HttpMethod.Get, $"/api/notifications?recipient={recipient}")).AsArray();

    public async Task<HttpResponseMessage> Decide(string caseId, object body, string? token = null) =>
        await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/decisions", body, token);

    public async Task AcknowledgeStandard(string employee, string brand, string post, int version) =>
        await api.Ok(HttpMethod.Post, $"/api/employees/{employee}/acknowledgements",
            new { brandId = brand, postId = post, standardVersion = version }, EmployeeToken(employee));

    public async Task AcknowledgePlan(string caseId, string employee) =>
        await api.Ok(HttpMethod.Post, $"/api/cases/{caseId}/pip/acknowledgement", new { }, EmployeeToken(employee));

    public async Task SetPlan(string caseId, object targets, string from, string until) =>
        await api.Ok(HttpMethod.Post, $"/api/cases/{caseId}/pip", new { targets, from, until, support = Array.Empty<string>() });

    /// <summary>Ops hire (pay not tied to post by contract) fails a plan, is reassigned to cs with a signed pay cut, and fails again.</summary>
    public async Task<(string CaseId, string Employee)> WalkToSecondFinding()
    {
        var (brand, ops, cs, employee) = (api.Id("brand"), api.Id("ops"), api.Id("cs"), api.Id("E1001"));
        var caseId = $"{employee}-1";
        api.At("2026-11-01T09:00:00+08:00");   // each step on the day it happens: nothing is back-dated
        await api.DefineBrand(brand);
        await api.DefinePost(ops, "ops", 8000, 15000, [cs]);
        await api.DefinePost(cs, "cs", 6000, 9000);
        await api.PublishStandard(brand, ops, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        await api.PublishStandard(brand, cs, "2026-11-01", new { orders = new { target = 4, direction = "atLeast" } });
        await api.RecordLawFigures();
        await api.Json(await api.Send(HttpMethod.Post, "/api/employees", new
        {
            employeeId = employee, name = "王小明", brandId = brand, region = "east", department = "ops-east", postId = ops,
            managerId = "M01", hrId = "hr-li", hiredOn = "2026-11-01", monthlySalary = 10000, city = TestApi.City, birthDate = "1995-04-02", gender = "female", retirementCategory = "worker",
            contract = new { payAdjustableWithPost = false, monthlySalaryFloor = 6000, kind = "open-ended" }
        }), 201);
        await AcknowledgeStandard(employee, brand, ops, 1);

        api.At("2026-11-04T20:00:00+08:00");
        await TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2);
        await WaitForCase(caseId, "plan-pending");
        await SetPlan(caseId, new { orders = 5 }, "2026-11-05", "2026-11-11");
        await AcknowledgePlan(caseId, employee);
        api.At("2026-11-11T20:00:00+08:00");
        await TallyDays(employee, new DateOnly(2026, 11, 5), 2, 2, 2, 2, 2, 2, 2);
        await WaitForCase(caseId, "remedy-required");

        api.At("2026-11-12T09:00:00+08:00");
        var secondPlanTooEarly = await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip",
            new { targets = new { orders = 4 }, from = "2026-11-13", until = "2026-11-19" });
        (await TestApi.ShouldBeProblem(secondPlanTooEarly, 422))["guard"]!.GetValue<string>().ShouldBe("art40-2-remedy-missing");
        var cutWithoutConsent = await Decide(caseId, new { kind = "reassign", reason = "调岗至客服", toPostId = cs, newMonthlySalary = 8000, effectiveOn = "2026-11-12" });
        var cut = await TestApi.ShouldBeProblem(cutWithoutConsent, 422);
        cut["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["pay-cut-consent"]);
        var outOfBand = await Decide(caseId, new { kind = "reassign", reason = "x", toPostId = cs, newMonthlySalary = 9500, consentRef = "AGR-1", effectiveOn = "2026-11-12" });
        (await TestApi.ShouldBeProblem(outOfBand, 422))["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["pay-in-new-band", "pay-cut-consent"]);
        // The employee signs the agreement to the new wage (art. 35); the cut names it.
        await api.Ok(HttpMethod.Post, $"/api/employees/{employee}/pay-agreements",
            new { reference = "AGR-2026-001", newMonthlySalary = 8000, effectiveOn = "2026-11-12" }, EmployeeToken(employee));
        await api.Json(await Decide(caseId, new
        {
            kind = "reassign", reason = "调岗至客服", toPostId = cs, newMonthlySalary = 8000, consentRef = "AGR-2026-001", effectiveOn = "2026-11-12"
        }), 200);
        var profile = await api.Ok(HttpMethod.Get, $"/api/employees/{employee}");
        profile["postId"]!.GetValue<string>().ShouldBe(cs);
        profile["salary"]!.AsArray().Last()!["monthlySalary"]!.GetValue<decimal>().ShouldBe(8000m);

        await SetPlan(caseId, new { orders = 4 }, "2026-11-13", "2026-11-19");
        var unacknowledged = await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip/acknowledgement", new { }, EmployeeToken(employee));
        (await TestApi.ShouldBeProblem(unacknowledged, 422))["guard"]!.GetValue<string>().ShouldBe("g1-standard-not-acknowledged");
        await AcknowledgeStandard(employee, brand, cs, 1);
        await AcknowledgePlan(caseId, employee);
        await TestApi.ShouldBeProblem(await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip/acknowledgement", new { }, EmployeeToken(employee)), 409);
        api.At("2026-11-19T20:00:00+08:00");
        await TallyDays(employee, new DateOnly(2026, 11, 13), 1, 1, 1, 1, 1, 1, 1);
        var second = await WaitForCase(caseId, "termination-possible");
        api.At("2026-11-25T10:00:00+08:00");   // the day notice is served
        var performance = (await api.Performance(employee, "2026-11-05", "2026-11-13"))["days"]!.AsArray();
        performance.First()!["postId"]!.GetValue<string>().ShouldBe(ops);                                  // before the reassignment
        performance.First()!["attainment"]!["orders"]!["target"]!.GetValue<decimal>().ShouldBe(10m);
        performance.Last()!["postId"]!.GetValue<string>().ShouldBe(cs);                                    // after it: the cs standard
        performance.Last()!["attainment"]!["orders"]!["target"]!.GetValue<decimal>().ShouldBe(4m);
        second["case"]!["findings"]!.AsArray().Count.ShouldBe(2);
        return (caseId, employee);
    }
}
