using EventHr.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventHr.Api.Tests;

[Collection(AppCollection.Name)]
public sealed class TallyIngestTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    private object Row(string employee, string date, int orders, int visitors = 150, decimal revenue = 960m, string? sourceId = null,
        string? corrects = null) => new
    {
        sourceId = sourceId ?? $"shop-A:{date}:{employee}", employeeId = employee, date, corrects,
        metrics = new { orders, visitors, revenue, repeatOrders = 0, clicks = 400, avgResponseSeconds = 41, csat = 92.5, dwellSeconds = 35 }
    };

    [Fact]
    public async Task the_founding_story_hire_standard_acknowledgement_tallies_and_performance()
    {
        var (brand, post, employee) = await _api.OperationsHire(salary: 10000);
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in
        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/acknowledgements",
            new { brandId = brand, postId = post, standardVersion = 1 }, Tokens.For("e", "employee", employee));

        var first = await _api.PostTallies(new[] { Row(employee, "2026-11-02", 3), Row(employee, "2026-11-03", 2, visitors: 100, revenue: 600m) });
        var replay = await _api.PostTallies(new[] { Row(employee, "2026-11-02", 3), Row(employee, "2026-11-03", 2, visitors: 100, revenue: 600m) });

        first["accepted"]!.GetValue<int>().ShouldBe(2);
        replay["accepted"]!.GetValue<int>().ShouldBe(0);
        replay["duplicates"]!.GetValue<int>().ShouldBe(2);

        var days = (await _api.Performance(employee, "2026-11-01", "2026-11-05"))["days"]!.AsArray();
        days.Count.ShouldBe(2);
        var day = days[0]!;
        day["date"]!.GetValue<string>().ShouldBe("2026-11-02");
        day["metrics"]!["orders"]!.GetValue<int>().ShouldBe(3);
        day["derived"]!["conversionRate"]!.GetValue<decimal>().ShouldBe(0.02m);          // 3 / 150
        day["derived"]!["averageOrderValue"]!.GetValue<decimal>().ShouldBe(320m);        // 960 / 3
        day["derived"]!["repeatRate"]!.GetValue<decimal>().ShouldBe(0m);
        day["derived"]!["dailySalaryCost"]!.GetValue<decimal>().ShouldBe(459.77m);       // 10000 / 21.75
        day["derived"]!["salaryCostRatio"]!.GetValue<decimal>().ShouldBe(0.4789m);       // 459.77 / 960
        day["standardVersion"]!.GetValue<int>().ShouldBe(1);
        day["standardAcknowledged"]!.GetValue<bool>().ShouldBeTrue();
        day["attainment"]!["orders"]!["ratio"]!.GetValue<decimal>().ShouldBe(0.3m);
        day["attainment"]!["orders"]!["met"]!.GetValue<bool>().ShouldBeFalse();
        days[1]!["attainment"]!["orders"]!["ratio"]!.GetValue<decimal>().ShouldBe(0.2m);
    }

    [Fact]
    public async Task a_bad_row_is_rejected_alone_with_its_index_and_reasons()
    {
        var (_, _, employee) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in
        var rows = $$"""
            [ {{TestApi.Serialize(Row(employee, "2026-11-02", 3))}},
              { "sourceId": "{{_api.Run}}-neg", "employeeId": "{{employee}}", "date": "2026-11-03", "metrics": { "orders": -1 } },
              { "sourceId": "{{_api.Run}}-csat", "employeeId": "{{employee}}", "date": "2026-11-03", "metrics": { "csat": 101 } },
              { "sourceId": "{{_api.Run}}-date", "employeeId": "{{employee}}", "date": "2026-02-30" },
              { "sourceId": "{{_api.Run}}-who", "employeeId": "{{_api.Id("ghost")}}", "date": "2026-11-03" },
              { "sourceId": "{{_api.Run}}-type", "employeeId": "{{employee}}", "date": "2026-11-03", "metrics": { "orders": "three" } },
              { "sourceId": "{{_api.Run}}-early", "employeeId": "{{employee}}", "date": "2026-10-31" },
              { "employeeId": "{{employee}}", "date": "2026-11-04" } ]
            """;

        var result = await _api.Json(await _api.Send(HttpMethod.Post, "/api/tallies", rawBody: rows, token: _api.IntegrationToken), 200);

        result["accepted"]!.GetValue<int>().ShouldBe(1);
        var rejected = result["rejected"]!.AsArray();
        rejected.Select(r => r!["index"]!.GetValue<int>()).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        rejected[0]!["errors"]!["metrics.orders"].ShouldNotBeNull();
        rejected[1]!["errors"]!["metrics.csat"].ShouldNotBeNull();
        rejected[2]!["errors"]!["date"].ShouldNotBeNull();
        rejected[3]!["errors"]!["employeeId"]![0]!.GetValue<string>().ShouldContain("unknown employee");
        rejected[4]!["errors"]!["metrics.orders"]![0]!.GetValue<string>().ShouldContain("number");
        rejected[5]!["errors"]!["date"]![0]!.GetValue<string>().ShouldContain("hired");
        rejected[6]!["errors"]!["sourceId"].ShouldNotBeNull();
        (await _api.Performance(employee, "2026-11-01", "2026-11-05"))["days"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_correction_supersedes_the_earlier_row_and_keeps_both_in_history()
    {
        var (_, _, employee) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in
        var original = $"{_api.Run}:shop-A:2026-11-02";
        await _api.PostTallies(new[] { Row(employee, "2026-11-02", 3, sourceId: original) });

        var corrected = await _api.PostTallies(new[] { Row(employee, "2026-11-02", 6, revenue: 1800m, sourceId: original + ":fix", corrects: original) });
        var wrongDay = await _api.PostTallies(new[] { Row(employee, "2026-11-03", 6, sourceId: original + ":fix2", corrects: original) });
        var unknown = await _api.PostTallies(new[] { Row(employee, "2026-11-02", 6, sourceId: original + ":fix3", corrects: "nope") });

        corrected["accepted"]!.GetValue<int>().ShouldBe(1);
        wrongDay["rejected"]![0]!["errors"]!["corrects"].ShouldNotBeNull();
        unknown["rejected"]![0]!["errors"]!["corrects"].ShouldNotBeNull();
        var day = (await _api.Performance(employee, "2026-11-02", "2026-11-02"))["days"]!.AsArray().Single()!;
        day["metrics"]!["orders"]!.GetValue<int>().ShouldBe(6);
        day["sourceIds"]!.AsArray().Single()!.GetValue<string>().ShouldBe(original + ":fix");
        day["derived"]!["averageOrderValue"]!.GetValue<decimal>().ShouldBe(300m);
    }

    [Fact]
    public async Task rows_from_two_shops_on_one_day_add_up()
    {
        var (_, _, employee) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in

        await _api.PostTallies(new[]
        {
            Row(employee, "2026-11-02", 3, visitors: 100, revenue: 300m, sourceId: $"{_api.Run}:A"),
            Row(employee, "2026-11-02", 2, visitors: 100, revenue: 200m, sourceId: $"{_api.Run}:B")
        });

        var day = (await _api.Performance(employee, "2026-11-02", "2026-11-02"))["days"]!.AsArray().Single()!;
        day["metrics"]!["orders"]!.GetValue<int>().ShouldBe(5);
        day["derived"]!["conversionRate"]!.GetValue<decimal>().ShouldBe(0.025m);
        day["metrics"]!["csat"]!.GetValue<decimal>().ShouldBe(92.5m);
    }

    [Fact]
    public async Task a_batch_event_is_stored_compressed_with_lz4_unless_the_connection_says_otherwise()
    {
        var (_, _, employee) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");
        // Forty shops' rows of one day: an event of several kilobytes, which PostgreSQL compresses as it stores it.
        var rows = Enumerable.Range(0, 40).Select(i => Row(employee, "2026-11-04", 1, sourceId: $"{_api.Run}:shop-{i}")).ToArray();
        (await _api.PostTallies(rows))["accepted"]!.GetValue<int>().ShouldBe(40);

        var store = fixture.Host.Services.GetRequiredService<Marten.IDocumentStore>();
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var conn = (Npgsql.NpgsqlConnection)store.Options.Tenancy.Default.Database.CreateConnection();
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            $"select pg_column_compression(data) from {schema}.mt_events where type = 'tallies_recorded' "
            + "and data::text like '%' || @run || ':shop-39%' order by seq_id desc limit 1", conn);
        cmd.Parameters.AddWithValue("run", _api.Run);
        ((string?)await cmd.ExecuteScalarAsync()).ShouldBe("lz4");

        // The operator's own choice stands; a method PostgreSQL does not know is refused at start, not at the first write.
        Infrastructure.Connections.WithToastCompression("Host=h;Options=-c default_toast_compression=pglz", "lz4")
            .ShouldContain("default_toast_compression=pglz");
        Infrastructure.Connections.WithToastCompression("Host=h", "").ShouldNotContain("toast");
        Should.Throw<InvalidOperationException>(() => Infrastructure.Connections.WithToastCompression("Host=h", "zstd"));
    }

    [Fact]
    public async Task attainment_uses_the_standard_version_in_force_on_each_date()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in
        await _api.PublishStandard(brand, post, "2026-11-10", new { orders = new { target = 5, direction = "atLeast" } });

        await _api.PostTallies(new[] { Row(employee, "2026-11-09", 4), Row(employee, "2026-11-10", 4) });

        var days = (await _api.Performance(employee, "2026-11-09", "2026-11-10"))["days"]!.AsArray();
        days[0]!["standardVersion"]!.GetValue<int>().ShouldBe(1);
        days[0]!["attainment"]!["orders"]!["ratio"]!.GetValue<decimal>().ShouldBe(0.4m);
        days[1]!["standardVersion"]!.GetValue<int>().ShouldBe(2);
        days[1]!["attainment"]!["orders"]!["ratio"]!.GetValue<decimal>().ShouldBe(0.8m);
        days[1]!["standardAcknowledged"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task a_batch_over_ten_thousand_rows_or_not_an_array_is_refused_whole()
    {
        var (_, _, employee) = await _api.OperationsHire();
        var tooMany = Enumerable.Range(0, 10_001).Select(i => Row(employee, "2026-11-02", 1, sourceId: $"{_api.Run}:{i}")).ToArray();

        var big = await _api.Send(HttpMethod.Post, "/api/tallies", tooMany, _api.IntegrationToken);
        var notArray = await _api.Send(HttpMethod.Post, "/api/tallies", rawBody: "{\"rows\": []}", token: _api.IntegrationToken);
        var empty = await _api.Send(HttpMethod.Post, "/api/tallies", rawBody: "[]", token: _api.IntegrationToken);
        var malformed = await _api.Send(HttpMethod.Post, "/api/tallies", rawBody: "[{\"sourceId\": ", token: _api.IntegrationToken);

        (await TestApi.ShouldBeProblem(big, 400))["errors"]!["body"].ShouldNotBeNull();
        await TestApi.ShouldBeProblem(notArray, 400);
        await TestApi.ShouldBeProblem(empty, 400);
        await TestApi.ShouldBeProblem(malformed, 400);
        (await _api.Performance(employee, "2026-11-01", "2026-11-30"))["days"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task performance_rejects_bad_ranges_and_unknown_employees()
    {
        var (_, _, employee) = await _api.OperationsHire();

        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/employees/{employee}/performance?from=2026-13-01&to=2026-11-02"), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/employees/{employee}/performance?from=2026-11-05&to=2026-11-02"), 400);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/employees/{_api.Id("ghost")}/performance?from=2026-11-01&to=2026-11-02"), 404);
    }
}
