using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;

namespace EventHr.Bench;

/// <summary>
/// ./ops/bench evidence: an employee with 730 days of tallies and a full case (warning, plan, finding,
/// reassignment, second plan, finding, termination) among 99 peers; then the JSON bundle's latency,
/// and the sealing and verification throughput over a 1,000,000-event set of streams.
/// </summary>
public static class EvidenceBench
{
    private const string Schema = "eventhr_bench";
    private const string Weak = "E-WEAK";
    // The story ends before today: tallies of a day yet to come are refused.
    private static readonly DateOnly Day0 = new(2024, 11, 10);

    public static async Task<int> Run(BenchOptions o)
    {
        using var api = new ApiClient(o);
        var caseId = await WalkCase(api);
        await Sealed(api, $"case:{caseId}");

        var (p50, p95, bytes) = await BundleLatency(api, o.Requests);
        var html = await Time(() => api.Get($"/api/employees/{Weak}/evidence?format=html"));
        var pdf = await Time(() => api.Get($"/api/employees/{Weak}/evidence?format=pdf"));
        Console.WriteLine($"bundle: {bytes / 1024} KiB JSON; p50 {p50:0} ms, p95 {p95:0} ms over {o.Requests} sequential requests; html {html:0} ms, pdf {pdf:0} ms (one each)");

        var (streams, perStream) = (1_000, o.ChainEvents / 1_000);
        var sealRate = await InsertAndSeal(o.Database, streams, perStream);
        var verifyRate = await VerifyAll(api, streams, perStream);
        Console.WriteLine($"sealing: {sealRate:N0} events/s (async daemon subscription, {streams * perStream:N0} events)");
        Console.WriteLine($"verification: {verifyRate:N0} events/s over {streams * perStream:N0} events in {streams:N0} streams (HTTP, 2 clients)");
        var whole = Stopwatch.StartNew();
        var store = JsonNode.Parse(await api.Get("/api/audit/verify"))!;
        var total = store["events"]!.GetValue<long>();
        Console.WriteLine($"whole-store verification: {total:N0} events in {store["streams"]!.GetValue<int>():N0} streams, valid {store["valid"]}, " +
                          $"{whole.Elapsed.TotalSeconds:F1} s = {total / whole.Elapsed.TotalSeconds:N0} events/s (one request)");
        Console.WriteLine($"evidence bundle p95: {p95:0} ms");
        return 0;
    }

    /// <summary>730 days of tallies for 100 staff; the weak hire walked through the whole art. 40(2) sequence near the end.</summary>
    private static async Task<string> WalkCase(ApiClient api)
    {
        var sw = Stopwatch.StartNew();
        await At(api, 0, 9);   // each step on its day, by the API's settable clock (the bench runs it as Test)
        await api.SeedCompany(99, Day0);
        await api.Send(HttpMethod.Post, "/api/law-figures", new { city = "bench-city", kind = "minimumMonthlyWage", effectiveFrom = "2020-01-01", amount = 2690, source = "bench" });
        await api.Send(HttpMethod.Post, "/api/law-figures", new { city = "bench-city", kind = "averageMonthlyWage", effectiveFrom = "2020-01-01", amount = 12307, source = "bench" });
        await api.Send(HttpMethod.Put, "/api/posts/cs", new { name = "客服", family = "cs", payBand = new { min = 6000, max = 9000 } });
        await api.Send(HttpMethod.Put, "/api/standards/bench/cs", new
        {
            effectiveFrom = Day0.ToString("yyyy-MM-dd"), publishedOn = Day0.ToString("yyyy-MM-dd"), publicationRef = "bench notice", metrics = new Dictionary<string, object> { ["orders"] = new { target = 4, direction = "atLeast" } }
        });
        await api.Send(HttpMethod.Post, "/api/employees", new
        {
            employeeId = Weak, name = "王小明", brandId = "bench", region = "east", department = "dept-0", postId = "ops", managerId = "M0",
            hrId = "hr-li", hiredOn = Day0.ToString("yyyy-MM-dd"), monthlySalary = 10000, city = "bench-city", birthDate = "1995-04-02", gender = "male",
            contract = new { payAdjustableWithPost = false, monthlySalaryFloor = 6000, kind = "open-ended" }
        });
        await Acknowledge(api, "ops");

        // Days 0–699 good, ten days to a batch; then one day a batch, as the case unfolds.
        for (var d = 0; d < 700; d += 10) await Tallies(api, d, 10, _ => 12);
        await Tallies(api, 700, 3, _ => 2);
        var caseId = $"{Weak}-1";
        await WaitFor(api, caseId, "plan-pending");
        await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/notes", new { text = "沟通：订单偏低，原因是促销技巧不足", employeeResponse = "同意改进" });
        await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip", new { targets = new { orders = 5 }, from = Date(703), until = Date(716), support = Array.Empty<string>() });
        await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip/acknowledgement", new { witness = "hr-li" });
        for (var d = 703; d <= 716; d++) await Tallies(api, d, 1, _ => 2);
        await WaitFor(api, caseId, "remedy-required");
        await At(api, 717, 9);
        await api.Send(HttpMethod.Post, $"/api/employees/{Weak}/pay-agreements", new { reference = "AGR-BENCH-1", newMonthlySalary = 8000, effectiveOn = Date(717), signedOn = Date(717) });
        await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/decisions", new
        {
            kind = "reassign", reason = "调岗至客服", toPostId = "cs", newMonthlySalary = 8000, consentRef = "AGR-BENCH-1", effectiveOn = Date(717)
        });
        await Acknowledge(api, "cs");
        await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip", new { targets = new { orders = 4 }, from = Date(718), until = Date(731), support = Array.Empty<string>() });
        await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip/acknowledgement", new { witness = "hr-li" });
        await Tallies(api, 717, 1, _ => 1);
        for (var d = 718; d <= 731; d++) await Tallies(api, d, 1, _ => 1);
        await WaitFor(api, caseId, "termination-possible");
        await At(api, 733, 10);
        await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/decisions", new
        {
            kind = "terminate", reason = "培训/调岗后仍不能胜任", noticeKind = "30-days", servedOn = Date(733),
            union = new { notifiedOn = Date(732), reasons = "两次考核未达标" }, delivery = new { method = "in-person", reference = "BENCH-RECEIPT-1" }
        });
        await Tallies(api, 734, 11, _ => 12, weak: false);
        Console.WriteLine($"set-up: 100 staff × 730 days of tallies, case {caseId} walked to termination in {sw.Elapsed.TotalSeconds:0} s");
        return caseId;
    }

    /// <summary>Moves the API's clock to an hour of a day of the story (Beijing time).</summary>
    private static async Task At(ApiClient api, int day, int hour) =>
        await api.Send(HttpMethod.Post, "/api/dev/clock", new { to = $"{Date(day)}T{hour:00}:00:00+08:00" });

    private static async Task Acknowledge(ApiClient api, string post) =>
        await api.Send(HttpMethod.Post, $"/api/employees/{Weak}/acknowledgements", new { brandId = "bench", postId = post, standardVersion = 1 });

    private static async Task Tallies(ApiClient api, int fromDay, int days, Func<int, int> weakOrders, bool weak = true)
    {
        await At(api, fromDay + days - 1, 20);   // a day's feed arrives that evening
        var rows = new List<object>();
        for (var d = fromDay; d < fromDay + days; d++)
        {
            for (var i = 0; i < 99; i++) rows.Add(Row(ApiClient.EmployeeId(i), d, 11 + i % 4));
            if (weak) rows.Add(Row(Weak, d, weakOrders(d)));
        }
        await api.Send(HttpMethod.Post, "/api/tallies", rows);
    }

    private static object Row(string employee, int day, int orders) => new
    {
        sourceId = $"bench:{Date(day)}:{employee}", employeeId = employee, date = Date(day),
        metrics = new { orders, visitors = 150, revenue = orders * 96m, clicks = 420 }
    };

    private static string Date(int day) => Day0.AddDays(day).ToString("yyyy-MM-dd");

    private static async Task WaitFor(ApiClient api, string caseId, string status)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (await api.TryGet($"/api/cases/{caseId}") is { } body && JsonNode.Parse(body)!["status"]!.GetValue<string>() == status) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"case {caseId} did not reach {status}");
    }

    private static async Task Sealed(ApiClient api, string stream)
    {
        for (var i = 0; i < 600; i++)
        {
            if (JsonNode.Parse(await api.Get($"/api/audit/verify/{stream}"))!["pending"]!.GetValue<int>() == 0) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{stream} was not sealed");
    }

    private static async Task<(double P50, double P95, int Bytes)> BundleLatency(ApiClient api, int requests)
    {
        var bytes = 0;
        for (var i = 0; i < 5; i++) bytes = (await api.Get($"/api/employees/{Weak}/evidence")).Length;
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++) times.Add(await Time(() => api.Get($"/api/employees/{Weak}/evidence")));
        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], bytes);
    }

    private static async Task<double> Time(Func<Task> work)
    {
        var sw = Stopwatch.StartNew();
        await work();
        return sw.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Writes the event set straight into Marten's tables (as a long-lived store would hold it), then
    /// waits for the sealer — the async daemon subscription — to hash every event.
    /// </summary>
    private static async Task<double> InsertAndSeal(string database, int streams, int perStream)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await Exec(conn, $"""
            insert into {Schema}.mt_streams (id, version, timestamp, created)
            select 'bench-chain:' || s, {perStream}, now(), now() from generate_series(1, {streams}) s
            """);
        var sw = Stopwatch.StartNew();
        await Exec(conn, $"""
            insert into {Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, user_name)
            select nextval('{Schema}.mt_events_sequence'), gen_random_uuid(), 'bench-chain:' || s, v,
                   jsonb_build_object('caseId', 'bench-' || s, 'number', v, 'text', '沟通记录 conversation note number ' || v || ' of the bench set',
                                      'notedBy', 'M' || (s % 20), 'notedAt', clock_timestamp()),
                   'conversation_noted', clock_timestamp(), 'EventHr.Domain.Cases.ConversationNoted, EventHr.Domain', 'bench'
            from generate_series(1, {streams}) s, generate_series(1, {perStream}) v
            order by s, v
            """);
        var inserted = sw.Elapsed.TotalSeconds;
        sw.Restart();
        long sealedCount = 0;
        while (sealedCount < (long)streams * perStream)
        {
            await Task.Delay(500);
            await using var cmd = new NpgsqlCommand($"select count(*) from {Schema}.event_hashes where stream_id like 'bench-chain:%'", conn);
            sealedCount = (long)(await cmd.ExecuteScalarAsync())!;
            if (sw.Elapsed > TimeSpan.FromMinutes(20)) throw new TimeoutException($"only {sealedCount} events sealed after 20 minutes");
        }
        Console.WriteLine($"event set: {streams * perStream:N0} events inserted in {inserted:0.0} s, sealed in {sw.Elapsed.TotalSeconds:0.0} s");
        return streams * perStream / sw.Elapsed.TotalSeconds;
    }

    private static async Task<double> VerifyAll(ApiClient api, int streams, int perStream)
    {
        var sw = Stopwatch.StartNew();
        var broken = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, streams), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (s, _) =>
        {
            var verdict = JsonNode.Parse(await api.Get($"/api/audit/verify/bench-chain:{s}"))!;
            if (!verdict["valid"]!.GetValue<bool>() || verdict["verified"]!.GetValue<int>() != perStream) Interlocked.Increment(ref broken);
        });
        if (broken > 0) throw new InvalidOperationException($"{broken} streams did not verify");
        return (double)streams * perStream / sw.Elapsed.TotalSeconds;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
