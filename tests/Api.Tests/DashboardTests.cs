using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

/// <summary>What the web dashboard asks of the API beyond the other endpoints: who the caller is, the department's calendar, own cases.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    [Fact]
    public async Task me_names_the_view_to_land_on_and_today_by_the_apis_clock()
    {
        _api.At("2026-11-22T07:30:00+08:00");

        var manager = await _api.Ok(HttpMethod.Get, "/api/me", token: Tokens.Manager("M01", "yun", "ops-east"));
        var employee = await _api.Ok(HttpMethod.Get, "/api/me", token: Tokens.For("wang", "employee", employeeId: "E1001"));

        manager["view"]!.GetValue<string>().ShouldBe("department");
        manager["department"]!.GetValue<string>().ShouldBe("ops-east");
        manager["brands"]!.AsArray().Select(b => b!.GetValue<string>()).ShouldBe(["yun"]);
        manager["today"]!.GetValue<string>().ShouldBe("2026-11-22");           // Beijing, though UTC still reads the 21st
        employee["view"]!.GetValue<string>().ShouldBe("employee");
        employee["employeeId"]!.GetValue<string>().ShouldBe("E1001");
        (await _api.Ok(HttpMethod.Get, "/api/me"))["view"]!.GetValue<string>().ShouldBe("group");
        (await _api.Ok(HttpMethod.Get, "/api/me", token: Tokens.For("au", "auditor")))["view"]!.GetValue<string>().ShouldBe("audit");
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, "/api/me", token: ""), 401);
    }

    [Fact]
    public async Task the_calendar_marks_three_low_days_in_a_row_for_the_department_head_only()
    {
        var (brand, ops, dept) = (_api.Id("brand"), _api.Id("ops"), _api.Id("dept"));
        _api.At("2026-11-22T09:30:00+08:00");
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        await _api.PublishStandard(brand, ops, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        (await _api.Hire(_api.Id("A"), brand, ops, department: dept)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _api.Hire(_api.Id("B"), brand, ops, department: dept)).StatusCode.ShouldBe(HttpStatusCode.Created);
        int[] weak = [9, 2, 2, 12, 2, 2, 2, 11];                               // 14th … 21st: two low, a good one, three low, a good one
        await _api.PostTallies(weak.Select((orders, i) => Row("A", 14 + i, orders))
            .Concat(Enumerable.Range(14, 8).Select(d => Row("B", d, 10))).ToArray());
        var head = Tokens.Manager("M01", brand, dept);

        var calendar = await _api.Ok(HttpMethod.Get, $"/api/reports/calendar?department={dept}&days=10", token: head);

        calendar["from"]!.GetValue<string>().ShouldBe("2026-11-12");
        calendar["to"]!.GetValue<string>().ShouldBe("2026-11-21");             // up to yesterday
        calendar["lowRunDays"]!.GetValue<int>().ShouldBe(3);
        var a = Employee(calendar, "A");
        a["days"]!.AsArray().Count.ShouldBe(10);
        a["days"]!.AsArray().Where(d => d!["inLowRun"]!.GetValue<bool>()).Select(d => d!["date"]!.GetValue<string>())
            .ShouldBe(["2026-11-18", "2026-11-19", "2026-11-20"]);
        Day(a, "2026-11-15")["attainment"]!.GetValue<decimal>().ShouldBe(0.2m);
        Day(a, "2026-11-17")["met"]!.GetValue<bool>().ShouldBeTrue();
        Day(a, "2026-11-12")["tallied"]!.GetValue<bool>().ShouldBeFalse();
        Employee(calendar, "B")["days"]!.AsArray().ShouldAllBe(d => !d!["inLowRun"]!.GetValue<bool>());

        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/reports/calendar?department={dept}", token: Tokens.Manager("M02", brand, "other")), 404);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/reports/calendar?department={dept}&days=0", token: head), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/reports/calendar?department={dept}&to=2026-13-01", token: head), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/reports/calendar?department={dept}&to=2026-11-30", token: head), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, "/api/reports/calendar", token: head), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/reports/calendar?department={dept}", token: Tokens.For("A", "employee", _api.Id("A"))), 403);
    }

    [Fact]
    public async Task an_employee_lists_their_own_case_and_no_one_elses()
    {
        var (brand, ops, dept) = (_api.Id("brand"), _api.Id("ops"), _api.Id("dept"));
        _api.At("2026-11-22T09:30:00+08:00");
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        await _api.PublishStandard(brand, ops, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        foreach (var who in new[] { "A", "B" })
            (await _api.Hire(_api.Id(who), brand, ops, department: dept)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await _api.PostTallies(new[] { "A", "B" }.SelectMany(who => Enumerable.Range(18, 3).Select(d => Row(who, d, 2))).ToArray());
        await Eventually.Get(async () => (await _api.Ok(HttpMethod.Get, $"/api/cases?department={dept}")).AsArray().Count, n => n == 2,
            "both weak employees' cases");

        var own = (await _api.Ok(HttpMethod.Get, "/api/cases", token: Tokens.For("A", "employee", _api.Id("A")))).AsArray();

        own.Select(c => c!["employeeId"]!.GetValue<string>()).ShouldBe([_api.Id("A")]);
        own[0]!["escalations"]!.GetValue<int>().ShouldBe(0);
        (await _api.Ok(HttpMethod.Get, $"/api/cases?employeeId={_api.Id("B")}", token: Tokens.For("A", "employee", _api.Id("A")))).AsArray().ShouldBeEmpty();

        // The dashboard's cards count every open case in scope (the tests' host holds other tests' cases too).
        var counts = await _api.Ok(HttpMethod.Get, "/api/cases/counts", token: Tokens.For("hr-b", ["hr"], brand: brand));
        counts["openWarnings"]!.GetValue<int>().ShouldBe(2);
        counts["plansInProgress"]!.GetValue<int>().ShouldBe(0);
        counts["decisionsDueWithin7Days"]!.GetValue<int>().ShouldBe(0);
        counts["today"]!.GetValue<string>().ShouldBe("2026-11-22");
        (await _api.Ok(HttpMethod.Get, "/api/cases/counts", token: Tokens.Manager("M09", brand, "elsewhere")))["openWarnings"]!.GetValue<int>().ShouldBe(0);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, "/api/cases/counts", token: Tokens.For("A", "employee", _api.Id("A"))), 403);
    }

    private object Row(string who, int day, int orders) => new
    {
        sourceId = $"{_api.Run}:{who}:{day}", employeeId = _api.Id(who), date = $"2026-11-{day:D2}",
        metrics = new { orders, visitors = 100, revenue = orders * 90m }
    };

    private JsonNode Employee(JsonNode calendar, string who) =>
        calendar["employees"]!.AsArray().Single(e => e!["employeeId"]!.GetValue<string>() == _api.Id(who))!;

    private static JsonNode Day(JsonNode employee, string date) =>
        employee["days"]!.AsArray().Single(d => d!["date"]!.GetValue<string>() == date)!;
}

/// <summary>The dashboard's files at /app/, and the Development-only "sign in as" that mints tokens.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardHostingTests(AppFixture fixture)
{
    [Fact]
    public async Task development_serves_the_page_with_its_security_headers_and_mints_tokens_for_a_chosen_role()
    {
        var folder = Directory.CreateTempSubdirectory("eventhr-app").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        await File.WriteAllTextAsync(Path.Combine(folder, "index.html"), "<!doctype html><title>EventHr 看板</title>");
        await File.WriteAllTextAsync(Path.Combine(folder, "assets", "index-abc123.js"), "console.log(1)");
        try
        {
            await using var host = await AppFixture.StartSeparate("eventhr_dashboard",
                new Dictionary<string, string> { ["EventHr:Dashboard:Path"] = folder });
            var client = host.Server.CreateClient();

            (await client.GetAsync("/app")).Headers.Location!.ToString().ShouldBe("/app/");
            var page = await client.GetAsync("/app/");
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await page.Content.ReadAsStringAsync()).ShouldContain("看板");
            page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
            page.Headers.CacheControl!.NoCache.ShouldBeTrue();
            (await client.GetAsync("/app/assets/index-abc123.js")).Headers.CacheControl!.ToString().ShouldContain("immutable");

            (await client.GetAsync("/api/dev/tokens")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var minted = await client.PostAsync("/api/dev/tokens", Body(new { role = "manager", sub = "M01", brands = new[] { "yun" }, department = "ops-east" }));
            minted.StatusCode.ShouldBe(HttpStatusCode.OK);
            var token = JsonNode.Parse(await minted.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
            var me = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            var answer = JsonNode.Parse(await (await client.SendAsync(me)).Content.ReadAsStringAsync())!;
            answer["view"]!.GetValue<string>().ShouldBe("department");
            answer["userId"]!.GetValue<string>().ShouldBe("M01");

            var refused = await client.PostAsync("/api/dev/tokens", Body(new { role = "manager", sub = "M01" }));   // no brand, no department
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await client.PostAsync("/api/dev/tokens", Body(new { role = "boss" }))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task outside_development_there_is_no_route_that_mints_tokens()
    {
        await using var production = await AppFixture.StartSeparate("eventhr_dashboard", new Dictionary<string, string>(), environment: "Production");
        var client = production.Server.CreateClient();
        // Signed in, so that the answer is the router's (an unknown route), not the sign-in's.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("root", "admin"));

        (await client.GetAsync("/api/dev/tokens")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/api/dev/tokens", Body(new { role = "admin" }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var shared = fixture.Host.Server.CreateClient();                      // the tests' own host runs as Test
        shared.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("root", "admin"));
        (await shared.PostAsync("/api/dev/tokens", Body(new { role = "admin" }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static StringContent Body(object o) => new(TestApi.Serialize(o), Encoding.UTF8, "application/json");
}
