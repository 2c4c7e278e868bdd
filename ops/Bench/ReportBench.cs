using System.Diagnostics;
using System.Text.Json;

namespace EventHr.Bench;

/// <summary>
/// Group-view load: N employees (default 10,000) in 5 brands, 2 posts, 50 departments and 4 regions,
/// the last N days of tallies (default 30; --days 365 for a year); then every department's report for one day,
/// the last whole month's group overview, one employee's whole range of performance, and the API's peak memory.
/// Each headline is a line of its own so runs can be compared.
/// </summary>
public static class ReportBench
{
    public static async Task<int> Run(BenchOptions o)
    {
        var employees = o.Employees == 2000 ? 10_000 : o.Employees;
        var days = o.Days == 100 ? 30 : o.Days;
        // The days up to yesterday: a tally of a day still to come is refused.
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days);
        var before = first.AddDays(-30).ToString("yyyy-MM-dd");
        using var api = new ApiClient(o);
        string[] brands = ["b1", "b2", "b3", "b4", "b5"];
        string[] posts = ["ops", "cs"];
        await api.Send(HttpMethod.Put, "/api/posts/ops", new { name = "运营", family = "ops", payBand = new { min = 6000, max = 15000 }, compatiblePosts = new[] { "cs" } });
        await api.Send(HttpMethod.Put, "/api/posts/cs", new { name = "客服", family = "cs", payBand = new { min = 5000, max = 9000 }, compatiblePosts = Array.Empty<string>() });
        foreach (var b in brands)
        {
            await api.Send(HttpMethod.Put, $"/api/brands/{b}", new { name = b, tier = "mid" });
            foreach (var p in posts)
                await api.Send(HttpMethod.Put, $"/api/standards/{b}/{p}", new
                {
                    effectiveFrom = before, publishedOn = first.AddDays(-40).ToString("yyyy-MM-dd"), publicationRef = "bench notice",
                    metrics = new Dictionary<string, object> { ["orders"] = new { target = 10, direction = "atLeast" } }
                });
        }
        Console.WriteLine($"seeding {employees:N0} employees...");
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, employees), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            await api.Send(HttpMethod.Post, "/api/employees", new
            {
                employeeId = $"R{i:D5}", name = $"员工{i}", brandId = brands[i % 5], region = $"region-{i % 4}", department = $"dept-{i % 50}",
                postId = posts[i / 5 % 2], managerId = $"M{i % 50}", hrId = "hr-li", hiredOn = before, monthlySalary = 7000 + i % 7 * 500,
                contract = new { payAdjustableWithPost = true }
            }));
        Console.WriteLine($"seeded in {sw.Elapsed.TotalSeconds:F1} s; loading {days} days of tallies...");
        sw.Restart();
        for (var d = 0; d < days; d++)
        {
            var date = first.AddDays(d);
            var rows = Enumerable.Range(0, employees).Select(i => new
            {
                sourceId = $"rb:{date:yyyy-MM-dd}:{i}", employeeId = $"R{i:D5}", date = date.ToString("yyyy-MM-dd"),
                metrics = new { orders = 6 + (i + d) % 9, visitors = 150, revenue = (6 + (i + d) % 9) * 90m, clicks = 300 }
            });
            await api.Send(HttpMethod.Post, "/api/tallies", JsonSerializer.Serialize(rows));
        }
        var loading = sw.Elapsed;
        Console.WriteLine($"loaded {days * employees:N0} tally rows in {loading.TotalSeconds:F1} s = {days * employees / loading.TotalSeconds:N0} rows/s");
        // The group views read aggregates a daemon subscription keeps as the batches land: timed once it has caught up.
        await using (var conn = new Npgsql.NpgsqlConnection(o.Database))
        {
            await conn.OpenAsync();
            await using var caughtUp = new Npgsql.NpgsqlCommand(
                "select coalesce((select max(seq_id) from eventhr_bench.mt_events), 0) <= coalesce((select last_seq_id from "
                + "eventhr_bench.mt_event_progression where name = 'group_aggregates:All'), 0)", conn);
            while (!(bool)(await caughtUp.ExecuteScalarAsync())!) await Task.Delay(100);
        }
        Console.WriteLine($"aggregates caught up {(sw.Elapsed - loading).TotalSeconds:F1} s after the last batch was answered "
                          + $"({days * employees / sw.Elapsed.TotalSeconds:N0} tally rows/s through the aggregates, loading included)");

        var day = first.AddDays(days - 1).ToString("yyyy-MM-dd");
        await api.Get($"/api/reports/daily?date={first:yyyy-MM-dd}&department=dept-0");   // warm
        sw.Restart();
        for (var dep = 0; dep < 50; dep++) await api.Get($"/api/reports/daily?date={day}&department=dept-{dep}");
        Console.WriteLine($"50 department reports one by one on request: {sw.Elapsed.TotalSeconds:F2} s");
        // The last whole month loaded (for 30 days: the month the days mostly fall in).
        var lastDay = first.AddDays(days - 1);
        var month = days >= 60 ? new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(-1) : new DateOnly(first.AddDays(days / 2).Year, first.AddDays(days / 2).Month, 1);
        await api.Get($"/api/group/overview?month={month:yyyy-MM}");   // warm
        var months = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            sw.Restart();
            await api.Get($"/api/group/overview?month={month:yyyy-MM}");
            months.Add(sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"month overview: {months.Order().ElementAt(1):F0} ms (median of 3, {month:yyyy-MM}, {employees:N0} staff, {days} days loaded)");
        var year = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            sw.Restart();
            await api.Get($"/api/group/overview/months?from={month.AddMonths(-11):yyyy-MM}&to={month:yyyy-MM}");
            year.Add(sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"year overview: {year.Order().ElementAt(1):F0} ms (median of 3, twelve months to {month:yyyy-MM})");
        sw.Restart();
        var performance = await api.Get($"/api/employees/R00001/performance?from={first:yyyy-MM-dd}&to={lastDay:yyyy-MM-dd}");
        Console.WriteLine($"one employee's performance over {days} days: {sw.Elapsed.TotalMilliseconds:F0} ms ({performance.Length / 1024} KiB)");
        // The 09:00 run of the day before, then of the day: the first pays for what a process does once (compiling the
        // run's code, learning the report's JSON shape); the second is the run of every day after.
        sw.Restart();
        await api.Send(HttpMethod.Post, $"/api/reports/daily/run?date={first.AddDays(days - 2):yyyy-MM-dd}", "{}");
        Console.WriteLine($"daily reports, the process's first run: {sw.Elapsed.TotalSeconds:F2} s");
        sw.Restart();
        var produced = JsonDocument.Parse(await api.Send(HttpMethod.Post, $"/api/reports/daily/run?date={day}", "{}")).RootElement;
        var reports = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"{produced.GetProperty("reports").GetInt32()} department reports produced and stored in one run");
        await using (var conn = new Npgsql.NpgsqlConnection(o.Database))
        {
            await conn.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("select count(*) from eventhr_bench.mt_events", conn);
            Console.WriteLine($"events in the store: {await count.ExecuteScalarAsync()}");
        }
        Console.WriteLine($"daily reports: {reports:F2} s");
        return 0;
    }
}
