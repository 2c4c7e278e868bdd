using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace EventHr.Bench;

/// <summary>
/// HTTP batch ingestion against raw binary COPY of the same rows into a plain table with the same
/// indexes on the same server. Daily-feed shape: each batch is one day for every employee.
/// </summary>
public static class IngestBench
{
    private sealed record Row(string SourceId, string EmployeeId, DateOnly Date, int Orders, int Visitors, decimal Revenue,
        int RepeatOrders, int Clicks, decimal AvgResponseSeconds, decimal Csat, decimal DwellSeconds);

    private const int WarmDays = 60;

    public static async Task<int> Run(BenchOptions o)
    {
        var firstDay = new DateOnly(2025, 1, 1);
        using var api = new ApiClient(o);
        Console.WriteLine($"seeding {o.Employees:N0} employees...");
        await api.SeedCompany(o.Employees, firstDay.AddDays(-WarmDays));

        var batches = Enumerable.Range(0, o.Days).Select(d => DayBatch(o.Employees, firstDay.AddDays(d))).ToList();
        var bodies = batches.Select(b => JsonSerializer.Serialize(b.Select(ToJson))).ToList();
        var total = batches.Sum(b => b.Count);

        // Warm both paths on rows outside the measured set: days before the first, long enough for the runtime's tiered
        // compilation to have settled on optimised code (a feed runs for months; its first seconds are not what is measured).
        var warm = Enumerable.Range(1, WarmDays).Select(d => DayBatch(o.Employees, firstDay.AddDays(-d))).Reverse().ToList();
        foreach (var day in warm) await api.Send(HttpMethod.Post, "/api/tallies", JsonSerializer.Serialize(day.Select(ToJson)));
        await Task.Delay(3000);
        await CopyRows(o.Database, warm, "bench_copy_warm");

        // Each phase starts from a clean checkpoint, so neither pays for the other's dirty pages.
        await Checkpoint(o.Database);
        Console.WriteLine($"HTTP: {total:N0} rows in {batches.Count} batches, {o.Writers} writer(s)...");
        var http = Stopwatch.StartNew();
        var next = -1;
        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, o.Writers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var answer = JsonDocument.Parse(await api.Send(HttpMethod.Post, "/api/tallies", bodies[i]));
                Interlocked.Add(ref accepted, answer.RootElement.GetProperty("accepted").GetInt32());
            }
        }));
        http.Stop();
        if (accepted != total) throw new InvalidOperationException($"expected {total} accepted rows, got {accepted}");
        var replay = JsonDocument.Parse(await api.Send(HttpMethod.Post, "/api/tallies", bodies[0])).RootElement;
        Console.WriteLine($"replayed batch: accepted {replay.GetProperty("accepted")}, duplicates {replay.GetProperty("duplicates")}");

        await Task.Delay(2000);   // let the rule engine finish the last batches before COPY is timed
        await Checkpoint(o.Database);
        Console.WriteLine("COPY: the same rows into a plain table with the same indexes...");
        var copy = await CopyRows(o.Database, batches, "bench_copy");

        var httpRate = total / http.Elapsed.TotalSeconds;
        var copyRate = total / copy.TotalSeconds;
        Console.WriteLine($"http ingest: {total:N0} rows in {http.Elapsed.TotalSeconds:F2} s = {httpRate:N0} rows/s");
        Console.WriteLine($"raw COPY:    {total:N0} rows in {copy.TotalSeconds:F2} s = {copyRate:N0} rows/s");
        Console.WriteLine($"ingest http/copy ratio: {httpRate / copyRate:F2}");
        return 0;
    }

    /// <summary>
    /// A day of a plausible feed: most staff around the standard (8–15 orders against 10), one in
    /// twenty weak (2–3 orders), so the rule engine has real work (cases, breaches, plans) alongside.
    /// </summary>
    private static async Task Checkpoint(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("checkpoint", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static List<Row> DayBatch(int employees, DateOnly date) => Enumerable.Range(0, employees).Select(i =>
    {
        var orders = i % 20 == 0 ? 2 + (i + date.DayNumber) % 2 : 8 + (i * 7 + date.DayNumber) % 8;
        return new Row($"shop-A:{date:yyyy-MM-dd}:{ApiClient.EmployeeId(i)}", ApiClient.EmployeeId(i), date, orders, 100 + i % 200,
            orders * 95.5m, orders / 4, 300 + i % 150, 20 + i % 40, 80 + i % 20, 30 + i % 30);
    }).ToList();

    private static object ToJson(Row r) => new
    {
        sourceId = r.SourceId, employeeId = r.EmployeeId, date = r.Date.ToString("yyyy-MM-dd"),
        metrics = new
        {
            orders = r.Orders, visitors = r.Visitors, revenue = r.Revenue, repeatOrders = r.RepeatOrders, clicks = r.Clicks,
            avgResponseSeconds = r.AvgResponseSeconds, csat = r.Csat, dwellSeconds = r.DwellSeconds
        }
    };

    /// <summary>One binary COPY per batch into a fresh table shaped like the tally read model (same primary key and indexes).</summary>
    private static async Task<TimeSpan> CopyRows(string cs, List<List<Row>> batches, string table)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using (var ddl = new NpgsqlCommand($"""
            drop table if exists {table};
            create table {table} (source_id text primary key, employee_id text not null, business_date date not null,
              orders integer, visitors integer, revenue numeric, repeat_orders integer, clicks integer,
              avg_response_seconds numeric, csat numeric, dwell_seconds numeric, corrects text, batch_id uuid not null,
              recorded_at timestamptz not null);
            create index ix_{table}_employee_date on {table} (employee_id, business_date);
            create index ix_{table}_corrects on {table} (corrects) where corrects is not null;
            """, conn)) await ddl.ExecuteNonQueryAsync();

        var sw = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            var batchId = Guid.CreateVersion7();
            await using var writer = await conn.BeginBinaryImportAsync(
                $"copy {table} (source_id, employee_id, business_date, orders, visitors, revenue, repeat_orders, clicks, avg_response_seconds, csat, dwell_seconds, batch_id, recorded_at) from stdin (format binary)");
            var now = DateTimeOffset.UtcNow;
            foreach (var r in batch)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(r.SourceId, NpgsqlDbType.Text);
                await writer.WriteAsync(r.EmployeeId, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Date, NpgsqlDbType.Date);
                await writer.WriteAsync(r.Orders, NpgsqlDbType.Integer);
                await writer.WriteAsync(r.Visitors, NpgsqlDbType.Integer);
                await writer.WriteAsync(r.Revenue, NpgsqlDbType.Numeric);
                await writer.WriteAsync(r.RepeatOrders, NpgsqlDbType.Integer);
                await writer.WriteAsync(r.Clicks, NpgsqlDbType.Integer);
                await writer.WriteAsync(r.AvgResponseSeconds, NpgsqlDbType.Numeric);
                await writer.WriteAsync(r.Csat, NpgsqlDbType.Numeric);
                await writer.WriteAsync(r.DwellSeconds, NpgsqlDbType.Numeric);
                await writer.WriteAsync(batchId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        sw.Stop();
        return sw.Elapsed;
    }
}
