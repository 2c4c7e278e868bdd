using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace EventHr.Bench;

/// <summary>
/// Warning latency under load: daily batches for all employees stream in back to back; a share of
/// employees turn weak on staggered days, so each batch carries the third low tally of some of them.
/// Latency = the notification's commit time in PostgreSQL − the moment the client got the HTTP answer
/// for the batch holding that third low tally. Measured after a warm-up month in which other employees turn weak the
/// same way, so that a live feed's steady state is measured, not the process's first batches (its code still
/// being compiled): the warm-up's own warnings are waited for and not counted.
/// </summary>
public static class LifecycleBench
{
    public static async Task<int> Run(BenchOptions o)
    {
        const int stagger = 20;
        const int warmDays = 30;
        var weakEvery = Math.Max(2, o.Employees / 260);
        var firstDay = new DateOnly(2025, 1, 1);
        var warmFrom = firstDay.AddDays(-warmDays);
        using var api = new ApiClient(o);
        Console.WriteLine($"seeding {o.Employees:N0} employees...");
        await api.SeedCompany(o.Employees, warmFrom.AddDays(-1));

        // Measured: those turning weak from the first day on; warm-up: another share, weak during the warm-up days only.
        var weak = Enumerable.Range(0, o.Employees).Where(i => i % weakEvery == 0).ToDictionary(i => i, i => i / weakEvery % stagger);
        var warmWeak = Enumerable.Range(0, o.Employees).Where(i => i % weakEvery == weakEvery / 2).ToDictionary(i => i, i => i / weakEvery % stagger);
        var days = Math.Max(o.Days, stagger + 3);
        string Body(int d) => JsonSerializer.Serialize(Enumerable.Range(0, o.Employees).Select(i =>
        {
            var date = firstDay.AddDays(d);
            var low = d >= 0 ? weak.TryGetValue(i, out var start) && d >= start : warmWeak.TryGetValue(i, out var from) && d + warmDays >= from;
            return new
            {
                sourceId = $"lc:{date:yyyy-MM-dd}:{ApiClient.EmployeeId(i)}", employeeId = ApiClient.EmployeeId(i), date = date.ToString("yyyy-MM-dd"),
                metrics = new { orders = low ? 2 : 10 + i % 5, visitors = 150, revenue = (low ? 2 : 10) * 95.5m, clicks = 300 + i % 150 }
            };
        }));
        var bodies = Enumerable.Range(0, days).Select(Body).ToList();

        Console.WriteLine($"warming up: {warmDays} daily batches at full speed, {warmWeak.Count} other employees turning weak...");
        for (var d = -warmDays; d < 0; d++) await api.Send(HttpMethod.Post, "/api/tallies", Body(d));
        var warmed = await WaitForWarnings(o.Database, warmWeak.Count, TimeSpan.FromSeconds(60), before: firstDay);
        Console.WriteLine($"warm-up cases warned: {warmed.Count}");

        Console.WriteLine($"streaming {days} daily batches of {o.Employees:N0} rows at {(o.BatchesPerSecond > 0 ? $"{o.BatchesPerSecond}/s" : "full speed")}; {weak.Count} employees turn weak on staggered days...");
        var answeredAt = new Dictionary<DateOnly, DateTimeOffset>();
        var sw = Stopwatch.StartNew();
        // Paced like a live feed (0 = as fast as the API answers): one day of all employees per tick.
        var tick = o.BatchesPerSecond > 0 ? TimeSpan.FromSeconds(1.0 / o.BatchesPerSecond) : TimeSpan.Zero;
        for (var d = 0; d < days; d++)
        {
            var due = sw.Elapsed + tick;
            await api.Send(HttpMethod.Post, "/api/tallies", bodies[d]);
            answeredAt[firstDay.AddDays(d)] = DateTimeOffset.UtcNow;
            if (due > sw.Elapsed) await Task.Delay(due - sw.Elapsed);
        }
        sw.Stop();
        Console.WriteLine($"ingest while evaluating: {days * o.Employees:N0} rows in {sw.Elapsed.TotalSeconds:F2} s = {days * o.Employees / sw.Elapsed.TotalSeconds:N0} rows/s");

        var stored = await WaitForWarnings(o.Database, weak.Count, TimeSpan.FromSeconds(60), from: firstDay);
        var latencies = stored.Select(s => Math.Max(0, (s.StoredAt - answeredAt[s.BusinessDate]).TotalMilliseconds)).Order().ToList();
        if (latencies.Count < weak.Count) Console.WriteLine($"warning: only {latencies.Count} of {weak.Count} cases warned");
        Console.WriteLine($"cases warned: {latencies.Count}");
        Console.WriteLine($"warning latency p50: {Percentile(latencies, 0.50):F0} ms, max: {latencies.LastOrDefault():F0} ms");
        Console.WriteLine($"warning latency p95: {Percentile(latencies, 0.95):F0} ms");
        return latencies.Count >= weak.Count ? 0 : 1;
    }

    private sealed record Stored(string CaseId, DateOnly BusinessDate, DateTimeOffset StoredAt);

    /// <summary>One row per case: the later of the two notifications (HR partner and department head).</summary>
    private static async Task<List<Stored>> WaitForWarnings(string cs, int expected, TimeSpan timeout, DateOnly? from = null, DateOnly? before = null)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var deadline = DateTime.UtcNow + timeout;
        List<Stored> rows;
        do
        {
            rows = [];
            await using var cmd = new NpgsqlCommand("""
                select data->>'caseId', (data->>'businessDate')::date, max(mt_last_modified)
                from eventhr_bench.mt_doc_notification where data->>'kind' = 'performance-warning'
                  and (data->>'businessDate')::date >= @from and (data->>'businessDate')::date < @before
                group by 1, 2
                """, conn);
            cmd.Parameters.AddWithValue("from", from ?? DateOnly.MinValue);
            cmd.Parameters.AddWithValue("before", before ?? DateOnly.MaxValue);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) rows.Add(new Stored(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<DateTimeOffset>(2)));
            if (rows.Count >= expected) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        return rows;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
