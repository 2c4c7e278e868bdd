using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;
using Wolverine;

namespace EventHr.Api.Tests;

/// <summary>
/// Who may see and do what (README "Scopes"): each kind of user against records inside and outside
/// their scope, over HTTP. Two brands; brand A has two departments. A record outside the scope
/// answers exactly as an unknown one (404); a role that may not use an operation at all gets 403.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScopeMatrixTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    [Fact]
    public async Task every_kind_of_user_sees_and_acts_within_its_scope_only()
    {
        var w = await World.Build(_api);
        var u = new Users(w);
        var cells = new List<(string User, string Token, HttpMethod Method, string Url, object? Body, int Expected)>();
        void Cell(string user, string token, HttpMethod m, string url, int expected, object? body = null) => cells.Add((user, token, m, url, body, expected));

        foreach (var (name, token, a1, a2, b1) in new[]
                 {
                     ("group HR", u.GroupHr, 200, 200, 200), ("brand HR A", u.BrandHrA, 200, 200, 404), ("head A/d1", u.HeadA1, 200, 404, 404),
                     ("employee A1", u.EmployeeA1, 200, 404, 404), ("auditor A", u.AuditorA, 200, 200, 404), ("group auditor", u.Auditor, 200, 200, 200),
                     ("admin", u.Admin, 200, 200, 200),
                 })
        {
            Cell(name, token, HttpMethod.Get, $"/api/employees/{w.A1}", a1);
            Cell(name, token, HttpMethod.Get, $"/api/employees/{w.A2}", a2);
            Cell(name, token, HttpMethod.Get, $"/api/employees/{w.B1}", b1);
            Cell(name, token, HttpMethod.Get, $"/api/employees/{w.A1}/performance?from=2026-11-01&to=2026-11-10", a1);
            Cell(name, token, HttpMethod.Get, $"/api/employees/{w.B1}/performance?from=2026-11-01&to=2026-11-10", b1);
            Cell(name, token, HttpMethod.Get, $"/api/cases/{w.A1}-1", a1);
            Cell(name, token, HttpMethod.Get, $"/api/cases/{w.B1}-1", b1);
        }
        // Case work: HR within its brands and the department head; other roles may not write notes at all.
        foreach (var (name, token, a1, b1) in new[]
                 {
                     ("group HR", u.GroupHr, 200, 200), ("brand HR A", u.BrandHrA, 200, 404), ("head A/d1", u.HeadA1, 200, 404),
                     ("employee A1", u.EmployeeA1, 403, 403), ("auditor A", u.AuditorA, 403, 403), ("admin", u.Admin, 200, 200),
                 })
        {
            Cell(name, token, HttpMethod.Post, $"/api/cases/{w.A1}-1/notes", a1, new { text = $"约谈 by {name}" });
            Cell(name, token, HttpMethod.Post, $"/api/cases/{w.B1}-1/notes", b1, new { text = $"约谈 by {name}" });
        }
        // HR's own acts and the evidence: within its brands; a department head may not use them.
        foreach (var (name, token, a1, b1, evidenceA1, evidenceB1) in new[]
                 {
                     ("group HR", u.GroupHr, 200, 200, 200, 200), ("brand HR A", u.BrandHrA, 200, 404, 200, 404),
                     ("head A/d1", u.HeadA1, 403, 403, 403, 403), ("auditor A", u.AuditorA, 403, 403, 200, 404),
                     ("group auditor", u.Auditor, 403, 403, 200, 200),
                 })
        {
            Cell(name, token, HttpMethod.Post, $"/api/employees/{w.A1}/protections", a1, new { kind = "medical", from = "2026-12-20", to = "2026-12-21" });
            Cell(name, token, HttpMethod.Post, $"/api/employees/{w.B1}/protections", b1, new { kind = "medical", from = "2026-12-20", to = "2026-12-21" });
            Cell(name, token, HttpMethod.Get, $"/api/employees/{w.A1}/evidence", evidenceA1);
            Cell(name, token, HttpMethod.Get, $"/api/employees/{w.B1}/evidence", evidenceB1);
        }
        Cell("auditor A", u.AuditorA, HttpMethod.Get, $"/api/audit/streams/employee:{w.B1}", 404);
        Cell("auditor A", u.AuditorA, HttpMethod.Get, $"/api/audit/streams/employee:{w.A1}", 200);
        Cell("auditor A", u.AuditorA, HttpMethod.Get, "/api/audit/verify", 403);
        Cell("group auditor", u.Auditor, HttpMethod.Get, $"/api/audit/streams/employee:{w.B1}", 200);
        // An employee lists cases too, their own only (DashboardTests shows whose are listed).
        Cell("employee A1", u.EmployeeA1, HttpMethod.Get, "/api/cases", 200);
        Cell("employee A1", u.EmployeeA1, HttpMethod.Get, "/api/reports/calendar?department=ops", 403);
        // Master data: a brand's own (another brand is unknown); the group's (posts, alert rules, channels, the day's run) group HR's.
        Cell("brand HR A", u.BrandHrA, HttpMethod.Put, $"/api/brands/{w.BrandA}", 200, new { name = "A", tier = "mid" });
        Cell("brand HR A", u.BrandHrA, HttpMethod.Put, $"/api/brands/{w.BrandB}", 404, new { name = "B", tier = "mid" });
        Cell("brand HR A", u.BrandHrA, HttpMethod.Put, $"/api/standards/{w.BrandB}/{w.Post}", 404,
            new { effectiveFrom = "2027-01-01", metrics = new { orders = new { target = 1, direction = "atLeast" } } });
        Cell("brand HR A", u.BrandHrA, HttpMethod.Put, $"/api/posts/{w.Post}", 403, new { name = "P", family = "ops", payBand = new { min = 1, max = 2 } });
        Cell("brand HR A", u.BrandHrA, HttpMethod.Put, "/api/alert-rules/fairness", 403, new { threshold = 0.9 });
        Cell("brand HR A", u.BrandHrA, HttpMethod.Get, "/api/webhooks", 403);
        Cell("brand HR A", u.BrandHrA, HttpMethod.Put, $"/api/webhooks/{w.BrandA}-hook", 403, new { url = "https://example.com/x", format = "generic", recipients = new[] { "group-hr" } });
        Cell("brand HR A", u.BrandHrA, HttpMethod.Post, "/api/reports/daily/run?date=2026-11-03", 403, new { });
        Cell("HR with an empty brand", Tokens.For("hr-empty", ["hr"], brand: ""), HttpMethod.Get, $"/api/employees/{w.B1}", 404);
        Cell("brand HR A", u.BrandHrA, HttpMethod.Post, "/api/employees", 400, w.HireBody("X9", w.BrandB));

        var failures = new List<string>();
        foreach (var (user, token, method, url, body, expected) in cells)
        {
            var status = (int)(await _api.Send(method, url, body, token)).StatusCode;
            if (status != expected) failures.Add($"{user}: {method} {url} answered {status}, expected {expected}");
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task salary_and_the_kind_of_a_protection_are_for_hr_auditors_admin_and_the_employee_only()
    {
        var w = await World.Build(_api);
        var u = new Users(w);
        foreach (var (name, token, sensitive) in new[]
                 {
                     ("brand HR A", u.BrandHrA, true), ("auditor A", u.AuditorA, true), ("admin", u.Admin, true),
                     ("employee A1", u.EmployeeA1, true), ("head A/d1", u.HeadA1, false),
                 })
        {
            var profile = await _api.Ok(HttpMethod.Get, $"/api/employees/{w.A1}", token: token);
            (profile["salary"] is JsonArray).ShouldBe(sensitive, name);
            (profile["monthlySalary"]?.GetValue<decimal>() == 10_000m).ShouldBe(sensitive, name);
            profile["protections"]!.AsArray().Single()!["kind"]?.GetValue<string>().ShouldBe(sensitive ? "pregnancy" : null, name);
            profile["sensitiveWithheld"]!.GetValue<bool>().ShouldBe(!sensitive, name);
            profile.ToJsonString().Contains("10000").ShouldBe(sensitive, name);
        }
    }

    [Fact]
    public async Task lists_and_the_group_overview_hold_only_what_is_in_scope()
    {
        var w = await World.Build(_api);
        var u = new Users(w);
        async Task<List<string>> Cases(string token) =>
            (await _api.Ok(HttpMethod.Get, "/api/cases", token: token)).AsArray().Select(c => c!["caseId"]!.GetValue<string>())
            .Where(id => id.StartsWith(_api.Run)).ToList();

        (await Cases(u.GroupHr)).ShouldBe([$"{w.A1}-1", $"{w.B1}-1"], ignoreOrder: true);
        (await Cases(u.BrandHrA)).ShouldBe([$"{w.A1}-1"]);
        (await Cases(u.HeadA1)).ShouldBe([$"{w.A1}-1"]);
        (await Cases(u.AuditorA)).ShouldBe([$"{w.A1}-1"]);
        (await Cases(u.HeadA2)).ShouldBeEmpty();

        var overview = (await _api.GroupOverview("2026-11", token: u.BrandHrA)).ToJsonString();
        overview.ShouldContain(w.BrandA);
        overview.ShouldNotContain(w.BrandB);
        var report = await _api.Send(HttpMethod.Get, $"/api/reports/daily?date=2026-11-03&department={w.DeptA2}", token: u.HeadA1);
        await TestApi.ShouldBeProblem(report, 404);
        var own = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-03&department={w.DeptA1}", token: u.HeadA1);
        own["salaryWithheld"]!.GetValue<bool>().ShouldBeTrue();
        own["rows"]!.AsArray().ShouldAllBe(r => r!["dailySalaryCost"]!.GetValue<decimal>() == 0m);
        own["rows"]![0]!["salaryCostRatio"].ShouldNotBeNull();
        var hrs = await _api.Ok(HttpMethod.Get, $"/api/reports/daily?date=2026-11-03&department={w.DeptA1}", token: u.BrandHrA);
        hrs["rows"]![0]!["dailySalaryCost"]!.GetValue<decimal>().ShouldBeGreaterThan(0m);
    }

    [Fact]
    public async Task reads_of_another_persons_salary_or_health_data_are_recorded_for_auditors()
    {
        var w = await World.Build(_api);
        var u = new Users(w);
        var correlation = $"{_api.Run}-read";
        await _api.Send(HttpMethod.Get, $"/api/employees/{w.A1}", token: u.BrandHrA, headers: new Dictionary<string, string> { ["X-Correlation-Id"] = correlation });
        await _api.Ok(HttpMethod.Get, $"/api/employees/{w.A1}/performance?from=2026-11-01&to=2026-11-10", token: u.BrandHrA);
        await _api.Ok(HttpMethod.Get, $"/api/employees/{w.A1}", token: u.EmployeeA1);   // one's own: not recorded
        await _api.Ok(HttpMethod.Get, $"/api/employees/{w.A1}", token: u.HeadA1);       // no salary shown: not recorded

        var log = (await _api.Ok(HttpMethod.Get, $"/api/access-log?employeeId={w.A1}", token: u.AuditorA)).AsArray();

        log.Select(e => e!["readBy"]!.GetValue<string>()).ShouldBe(["hr-a", "hr-a"]);
        log.Last()!["correlationId"]!.GetValue<string>().ShouldBe(correlation);
        log.Last()!["what"]!.GetValue<string>().ShouldContain("salary");
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/access-log?employeeId={w.B1}", token: u.AuditorA), 404);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/access-log?employeeId={w.A1}", token: u.BrandHrA), 403);
        var performance = await _api.Ok(HttpMethod.Get, $"/api/employees/{w.A1}/performance?from=2026-11-01&to=2026-11-10", token: u.HeadA1);
        performance["salaryWithheld"]!.GetValue<bool>().ShouldBeTrue();
        performance["days"]![0]!["derived"]!["dailySalaryCost"]!.GetValue<decimal>().ShouldBe(0m);
        performance["days"]![0]!["derived"]!["salaryCostRatio"].ShouldNotBeNull();
    }

    [Fact]
    public async Task brand_hr_hears_of_its_own_brands_notifications_and_alerts_only()
    {
        var w = await World.Build(_api);
        var u = new Users(w);
        var cases = new CaseApi(_api);
        // Seven low days up to yesterday (the sweep looks at the recent days): a performance alert each.
        var week = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-8);
        await cases.TallyDays(w.A1, week, 2, 2, 2, 2, 2, 2, 2);
        await cases.TallyDays(w.B1, week, 2, 2, 2, 2, 2, 2, 2);
        await fixture.Host.MessageBus().InvokeAsync(new EventHr.Api.Alerts.AlertSweepDue());

        (await _api.Ok(HttpMethod.Get, $"/api/notifications?caseId={w.A1}-1", token: u.BrandHrA)).AsArray().ShouldNotBeEmpty();
        (await _api.Ok(HttpMethod.Get, $"/api/notifications?caseId={w.B1}-1", token: u.BrandHrA)).AsArray().ShouldBeEmpty();
        (await _api.Ok(HttpMethod.Get, $"/api/notifications?caseId={w.B1}-1", token: u.GroupHr)).AsArray().ShouldNotBeEmpty();
        var subjects = (await _api.Ok(HttpMethod.Get, "/api/alerts?kind=performance", token: u.BrandHrA)).AsArray()
            .Select(a => a!["subject"]!.GetValue<string>()).ToList();
        subjects.ShouldContain(w.A1);
        subjects.ShouldNotContain(w.B1);
        (await _api.Ok(HttpMethod.Get, "/api/alerts?kind=performance", token: u.GroupHr)).AsArray()
            .Select(a => a!["subject"]!.GetValue<string>()).ShouldContain(w.B1);
    }

    [Fact]
    public async Task a_brand_auditor_reads_a_tally_batch_with_only_its_brands_rows()
    {
        var w = await World.Build(_api);
        var u = new Users(w);
        _api.At("2026-11-21T20:00:00+08:00");
        await _api.PostTallies(new[]
        {
            new { sourceId = $"{_api.Run}:mixed:a", employeeId = w.A1, date = "2026-11-20", metrics = new { orders = 9 } },
            new { sourceId = $"{_api.Run}:mixed:b", employeeId = w.B1, date = "2026-11-20", metrics = new { orders = 9 } },
        });
        await _api.PostTallies(new[] { new { sourceId = $"{_api.Run}:only-b", employeeId = w.B1, date = "2026-11-21", metrics = new { orders = 9 } } });
        var (mixed, onlyB) = (await BatchOf($"{_api.Run}:mixed:a"), await BatchOf($"{_api.Run}:only-b"));

        var seen = await _api.Ok(HttpMethod.Get, $"/api/audit/streams/{mixed}", token: u.AuditorA);
        var whole = await _api.Ok(HttpMethod.Get, $"/api/audit/streams/{mixed}", token: u.Auditor);

        var data = seen["events"]![0]!["data"]!;
        data["rows"]!.AsArray().Select(r => r!["employeeId"]!.GetValue<string>()).ShouldBe([w.A1]);
        data["rowsWithheld"]!.GetValue<int>().ShouldBe(1);
        seen["events"]![0]!["hash"]!.GetValue<string>().ShouldBe(whole["events"]![0]!["hash"]!.GetValue<string>());
        whole["events"]![0]!["data"]!["rows"]!.AsArray().Count.ShouldBe(2);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/audit/streams/{onlyB}", token: u.AuditorA), 404);
    }

    private static async Task<string> BatchOf(string sourceId)
    {
        await using var conn = new Npgsql.NpgsqlConnection(AppFixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand($"select batch_id from {AppFixture.Schema}.tally_rows where source_id = @s", conn);
        cmd.Parameters.AddWithValue("s", sourceId);
        return $"tallies:{(Guid)(await cmd.ExecuteScalarAsync())!:N}";
    }

    [Theory]
    [InlineData("/api/employees/{id}")]
    [InlineData("/api/cases/{id}-1")]
    [InlineData("/api/employees/{id}/performance")]
    [InlineData("/api/employees/{id}/evidence")]
    public async Task a_record_outside_the_scope_answers_exactly_as_an_unknown_one(string route)
    {
        var w = await World.Build(_api);
        var u = new Users(w);
        var unknown = _api.Id("nobody");

        var outside = await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, route.Replace("{id}", w.B1), token: u.BrandHrA), 404);
        var missing = await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, route.Replace("{id}", unknown), token: u.BrandHrA), 404);

        foreach (var answer in new[] { outside, missing }) answer.AsObject().Remove("traceId");
        outside.ToJsonString().Replace(w.B1, "ID").ShouldBe(missing.ToJsonString().Replace(unknown, "ID"));
    }

    private sealed class Users(World w)
    {
        public string GroupHr { get; } = Tokens.For("hr-group", "hr");
        public string BrandHrA { get; } = Tokens.For("hr-a", ["hr"], brand: w.BrandA);
        public string HeadA1 { get; } = Tokens.Manager(w.HeadOfA1, w.BrandA, w.DeptA1);
        public string HeadA2 { get; } = Tokens.Manager("head-a2", w.BrandA, w.DeptA2);
        public string EmployeeA1 { get; } = Tokens.For($"u-{w.A1}", "employee", w.A1);
        public string AuditorA { get; } = Tokens.For("auditor-a", ["auditor"], brand: w.BrandA);
        public string Auditor { get; } = Tokens.For("auditor-group", "auditor");
        public string Admin { get; } = Tokens.For("admin-1", "admin");
    }

    /// <summary>Brands A and B; A1 (A, department 1) and B1 (B) under a performance case each; A2 in A's department 2.</summary>
    private sealed record World(TestApi Api, string BrandA, string BrandB, string Post, string DeptA1, string DeptA2, string A1, string A2, string B1)
    {
        public string HeadOfA1 => "head-a1";

        public static async Task<World> Build(TestApi api)
        {
            var w = new World(api, api.Id("A"), api.Id("B"), api.Id("ops"), api.Id("dA1"), api.Id("dA2"), api.Id("EA1"), api.Id("EA2"), api.Id("EB1"));
            await api.DefinePost(w.Post, "ops");
            foreach (var brand in new[] { w.BrandA, w.BrandB })
            {
                await api.DefineBrand(brand);
                await api.PublishStandard(brand, w.Post, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
            }
            await api.Json(await api.Send(HttpMethod.Post, "/api/employees", w.HireBody(w.A1, w.BrandA, w.DeptA1)), 201);
            await api.Json(await api.Send(HttpMethod.Post, "/api/employees", w.HireBody(w.A2, w.BrandA, w.DeptA2)), 201);
            await api.Json(await api.Send(HttpMethod.Post, "/api/employees", w.HireBody(w.B1, w.BrandB, api.Id("dB1"))), 201);
            await api.Ok(HttpMethod.Post, $"/api/employees/{w.A1}/protections", new { kind = "pregnancy", from = "2026-11-15" });
            var cases = new CaseApi(api);
            await cases.TallyDays(w.A1, new DateOnly(2026, 11, 2), 2, 2, 2);
            await cases.TallyDays(w.B1, new DateOnly(2026, 11, 2), 2, 2, 2);
            await cases.WaitForCase($"{w.A1}-1", "plan-pending");
            await cases.WaitForCase($"{w.B1}-1", "plan-pending");
            return w;
        }

        public object HireBody(string employeeId, string brand, string? department = null) => new
        {
            employeeId, name = "王小明", brandId = brand, region = "east", department = department ?? DeptA1, postId = Post,
            managerId = HeadOfA1, hrId = "hr-li", hiredOn = "2026-11-01", monthlySalary = 10000, contract = new { payAdjustableWithPost = true }
        };
    }
}
