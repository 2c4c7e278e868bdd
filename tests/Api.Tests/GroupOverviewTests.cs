using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EventHr.Api.Tests;

/// <summary>Story 6: the group's month, figures worked out by hand, with the mid cs standard changed mid-month.</summary>
[Collection(AppCollection.Name)]
public sealed class GroupOverviewTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    [Fact]
    public async Task attainment_cost_and_turnover_by_brand_post_region_with_a_mid_month_standard_change()
    {
        var (brand, cs, ops, r1, r2) = (_api.Id("mid"), _api.Id("cs"), _api.Id("ops"), _api.Id("r1"), _api.Id("r2"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(cs, "cs");
        await _api.DefinePost(ops, "ops");
        await _api.PublishStandard(brand, cs, "2026-11-01", new { avgResponseSeconds = new { target = 30, direction = "atMost" } });
        await _api.PublishStandard(brand, cs, "2026-11-16", new { avgResponseSeconds = new { target = 45, direction = "atMost" } });
        await _api.PublishStandard(brand, ops, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        await Hire("X", brand, cs, r1, 8_700m);    // 400 a day
        await Hire("Y", brand, cs, r1, 8_700m);
        await Hire("Z", brand, ops, r2, 10_000m);  // 459.77 a day
        await _api.PostTallies(new[]
        {
            Row("X", "2026-11-10", response: 40, revenue: 1000m),   // v1 ≤ 30: missed
            Row("X", "2026-11-20", response: 40, revenue: 1000m),   // v2 ≤ 45: met
            Row("Y", "2026-11-10", response: 25, revenue: 1000m),   // met
            Row("Y", "2026-11-20", response: 50, revenue: 600m),    // missed
            Row("Z", "2026-11-10", orders: 12, revenue: 1200m),     // met
        });
        await _api.Ok(HttpMethod.Post, $"/api/employees/{_api.Id("Y")}/separations", new { kind = "resignation", date = "2026-11-25", reason = "个人原因" });

        var overview = await _api.GroupOverview("2026-11");

        var csLine = Line(overview["attainment"]!, "postId", cs);
        csLine["targetsEvaluated"]!.GetValue<int>().ShouldBe(4);
        csLine["targetsMet"]!.GetValue<int>().ShouldBe(2);
        csLine["attainmentRate"]!.GetValue<decimal>().ShouldBe(0.5m);
        csLine["standardVersions"]!.AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1, 2]);
        csLine["headcount"]!.GetValue<int>().ShouldBe(1);
        Line(overview["attainment"]!, "postId", ops)["attainmentRate"]!.GetValue<decimal>().ShouldBe(1m);
        Line(overview["salaryCostByRegion"]!, "key", r1)["salaryCostRatio"]!.GetValue<decimal>().ShouldBe(0.4444m);   // 1600 / 3600
        Line(overview["salaryCostByRegion"]!, "key", r2)["salaryCostRatio"]!.GetValue<decimal>().ShouldBe(0.3831m);   // 459.77 / 1200
        Line(overview["salaryCostByBrandPost"]!, "key", $"{brand}/{cs}")["salaryCostRatio"]!.GetValue<decimal>().ShouldBe(0.4444m);
        var turnover = Line(overview["turnoverByRegion"]!, "key", r1);
        turnover["separations"]!.GetValue<int>().ShouldBe(1);
        turnover["turnover"]!.GetValue<decimal>().ShouldBe(0.6667m);                                                  // 1 / ((2 + 1) / 2)
        Line(overview["turnoverByRegion"]!, "key", r2)["turnover"]!.GetValue<decimal>().ShouldBe(0m);
    }

    [Fact]
    public async Task rebuilding_the_projections_from_events_gives_the_same_overview()
    {
        var (brand, ops, region) = (_api.Id("b"), _api.Id("ops"), _api.Id("r"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        await _api.PublishStandard(brand, ops, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        await _api.PublishStandard(brand, ops, "2026-11-16", new { orders = new { target = 8, direction = "atLeast" } });
        await Hire("X", brand, ops, region, 9_000m);
        await Hire("Y", brand, ops, region, 9_000m);
        await _api.PostTallies(new[] { Row("X", "2026-11-10", orders: 9, revenue: 900m), Row("X", "2026-11-20", orders: 9, revenue: 900m),
            Row("Y", "2026-11-20", orders: 5, revenue: 500m) });
        await _api.Ok(HttpMethod.Post, $"/api/employees/{_api.Id("Y")}/separations", new { kind = "mutual-agreement", date = "2026-11-28", reason = "协商一致" });
        var before = Mine(await _api.GroupOverview("2026-11"), brand, region);

        var store = fixture.Host.Services.GetRequiredService<Marten.IDocumentStore>();
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<EventHr.Projections.Staff.EmployeeProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);
        await daemon.RebuildProjectionAsync<EventHr.Projections.Standards.StandardProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);
        var ledgerBefore = await LedgerDigest();
        await using (var conn = new Npgsql.NpgsqlConnection(Database.Owner))   // an operator's step (./ops/projections)
        {
            await conn.OpenAsync();
            await new EventHr.Projections.Tallies.TallyLedgerRebuild(AppFixture.Schema).RunAsync(conn, CancellationToken.None);
        }
        (await LedgerDigest()).ShouldBe(ledgerBefore);                  // every test's rows, re-derived from the batch events alone
        var after = Mine(await _api.GroupOverview("2026-11"), brand, region);

        after.ShouldBe(before);
        before.ShouldContain("\"targetsEvaluated\":3,\"targetsMet\":1");
    }

    [Fact]
    public async Task the_overview_kept_as_tallies_land_is_the_one_computed_from_the_ledger_through_corrections_moves_pay_and_standard_changes()
    {
        // An ops hire who fails a plan, is moved to customer service on 2026-11-12 with a signed pay cut, and fails again
        // (tallied to 2026-11-19).
        var (_, employee) = await new CaseApi(_api).WalkToSecondFinding();
        var (brand, ops) = (_api.Id("brand"), _api.Id("ops"));
        // The ops standard changes mid-month (its days after the move count under cs), and a shop corrects a day.
        await _api.PublishStandard(brand, ops, "2026-11-08", new { orders = new { target = 2, direction = "atLeast" } });
        await _api.PostTallies(new[]
        {
            new { sourceId = $"{_api.Run}:fix", employeeId = employee, date = "2026-11-03", corrects = $"{_api.Run}:{employee}:2026-11-03",
                  metrics = new { orders = 12, visitors = 150, revenue = 1140m, clicks = 400 } }
        });
        // A resignation recorded late: the days tallied after its last day count for nothing.
        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/separations", new { kind = "resignation", date = "2026-11-16", reason = "个人原因" });

        var kept = Mine(await _api.GroupOverview("2026-11"), brand, "east");

        var store = fixture.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var data = await EventHr.Api.Reports.GroupData.Load(session, fixture.Host.Services.GetRequiredService<EventHr.Projections.Tallies.TallyLedger>(),
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), CancellationToken.None);
        var fromLedger = EventHr.Domain.Reports.GroupOverviews.Build(new DateOnly(2026, 11, 1), data.Staff, data.Days, data.StandardOf);
        var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var computed = Mine(System.Text.Json.JsonSerializer.SerializeToNode(fromLedger, web)!, brand, "east");

        kept.ShouldBe(computed);
        kept.ShouldContain(_api.Id("cs"));   // the days after the move count under cs

        // The operator's one-pass rebuild (./ops/projections rebuild) gives the very tables the subscription kept.
        var tables = await AggregateRows(brand);
        var staff = await session.Query<EventHr.Domain.Staff.Employee>().ToListAsync();
        var standards = (await session.Query<EventHr.Domain.Standards.Standard>().ToListAsync()).ToDictionary(s => (s.BrandId, s.PostId));
        await using (var owner = Npgsql.NpgsqlDataSource.Create(Database.Owner))
        {
            var rebuilt = await new EventHr.Projections.Tallies.GroupAggregatesRebuild(AppFixture.Schema)
                .RunAsync(owner, staff, (b, p) => standards.GetValueOrDefault((b, p)), CancellationToken.None);
            rebuilt.Facts.ShouldBeGreaterThan(0);
        }
        (await AggregateRows(brand)).ShouldBe(tables);
        tables.ShouldContain(_api.Id("cs"));
    }

    private static async Task<string> AggregateRows(string brand)
    {
        await using var conn = new Npgsql.NpgsqlConnection(Database.Owner);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand($"""
            select string_agg(line, E'\n' order by line) from (
              select concat_ws(' ', 'fact', employee_id, business_date, post_id, region, targets_evaluated, targets_met, salary_cost, revenue) as line
              from {AppFixture.Schema}.group_day_facts where brand_id = @b
              union all
              select concat_ws(' ', 'sum', business_date, post_id, region, days, targets_evaluated, targets_met, salary_cost, revenue, revenue_days)
              from {AppFixture.Schema}.group_day_sums where brand_id = @b and days > 0) x
            """, conn);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter<string>("b", brand));
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task the_months_side_by_side_are_each_as_the_month_view_gives_it()
    {
        var (brand, ops, region) = (_api.Id("b"), _api.Id("ops"), _api.Id("r"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        await _api.PublishStandard(brand, ops, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        await Hire("X", brand, ops, region, 9_000m);
        await _api.PostTallies(new[] { Row("X", "2026-11-10", orders: 12, revenue: 1200m), Row("X", "2026-11-11", orders: 4, revenue: 400m) });

        var november = Mine(await _api.GroupOverview("2026-11"), brand, region);
        var months = await _api.Ok(HttpMethod.Get, "/api/group/overview/months?from=2026-10&to=2026-11");

        months["months"]!.AsArray().Select(m => m!["month"]!.GetValue<string>()).ShouldBe(["2026-10", "2026-11"]);
        Mine(months["months"]![1]!, brand, region).ShouldBe(november);
        november.ShouldContain("\"targetsEvaluated\":2,\"targetsMet\":1");
        Mine(months["months"]![0]!, brand, region).ShouldBeEmpty();   // hired in November: nothing in October
    }

    [Theory]
    [InlineData("from=2026-11&to=2026-10")]   // the end before the start
    [InlineData("from=2024-01&to=2026-01")]   // more than 24 months
    [InlineData("from=2026-13&to=2027-01")]
    [InlineData("to=2026-11")]
    public async Task the_months_must_be_a_range_of_at_most_24(string query) =>
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/group/overview/months?{query}"), 400);

    /// <summary>A digest of the whole tally ledger, row by row.</summary>
    private static async Task<string> LedgerDigest()
    {
        await using var conn = new Npgsql.NpgsqlConnection(AppFixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            $"select count(*) || ':' || md5(string_agg(t::text, '|' order by source_id)) from {AppFixture.Schema}.tally_rows t", conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>This test's lines of the overview, as JSON text to compare whole.</summary>
    private static string Mine(JsonNode overview, string brand, string region) => string.Join("\n",
        overview["attainment"]!.AsArray().Where(l => l!["brandId"]!.GetValue<string>() == brand)
            .Concat(overview["salaryCostByRegion"]!.AsArray().Where(l => l!["key"]!.GetValue<string>() == region))
            .Concat(overview["turnoverByRegion"]!.AsArray().Where(l => l!["key"]!.GetValue<string>() == region))
            .Select(l => l!.ToJsonString()));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("9999-12")]   // the month after it does not exist: refused, not a 500
    [InlineData("0001-01")]
    public async Task the_month_must_be_given_as_yyyy_MM_within_reason(string month) =>
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/group/overview?month={month}"), 400);

    private static JsonNode Line(JsonNode lines, string field, string value) =>
        lines.AsArray().Single(l => l![field]!.GetValue<string>() == value)!;

    private async Task Hire(string who, string brand, string post, string region, decimal salary) =>
        await _api.Json(await _api.Send(HttpMethod.Post, "/api/employees", new
        {
            employeeId = _api.Id(who), name = who, brandId = brand, region, department = _api.Id("dept"), postId = post,
            managerId = "M01", hrId = "hr-li", hiredOn = "2026-11-01", monthlySalary = salary,
            contract = new { payAdjustableWithPost = true }
        }), 201);

    private object Row(string who, string date, decimal? response = null, int? orders = null, decimal revenue = 0m) => new
    {
        sourceId = $"{_api.Run}:{who}:{date}", employeeId = _api.Id(who), date,
        metrics = new { avgResponseSeconds = response, orders, revenue }
    };
}
