using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace EventHr.Bench;

/// <summary>
/// ./ops/chaos: a live shop feed against two API nodes on one PostgreSQL while one node is SIGKILLed, PostgreSQL is
/// restarted and the killed node comes back; then what must hold is checked and printed, one line per check. The
/// script starts the nodes and gives the commands that break things (EVENTHR_CHAOS_CONTROL kill-a | start-a | restart-db).
/// </summary>
public static class Chaos
{
    private static readonly DateOnly Day0 = new(2026, 11, 2);
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private const string Brand = "bench";

    public static async Task<int> Run(BenchOptions o)
    {
        var nodes = (Environment.GetEnvironmentVariable("EVENTHR_CHAOS_NODES") ?? throw new InvalidOperationException("EVENTHR_CHAOS_NODES is not set"))
            .Split(',').Select(u => new Node(u, o.Token)).ToArray();
        var control = Environment.GetEnvironmentVariable("EVENTHR_CHAOS_CONTROL") ?? throw new InvalidOperationException("EVENTHR_CHAOS_CONTROL is not set");
        var employees = o.Employees == 2000 ? 300 : o.Employees;
        var days = o.Days == 100 ? 12 : o.Days;
        var checks = new Checks();
        await using var robot = new Robot();
        var (a, b) = (nodes[0], nodes[1]);

        // The company, on the day before the feed starts: one brand, 20 departments, one weak hire in twenty.
        await SetClock(nodes, Day0.AddDays(-1), new TimeOnly(9, 0));
        using var api = new ApiClient(o with { ApiUrl = a.Url });
        Console.WriteLine($"seeding {employees} employees in 20 departments on {a.Url}...");
        await api.SeedCompany(employees, Day0.AddDays(-1));
        var departments = Enumerable.Range(0, Math.Min(20, employees)).ToList();
        foreach (var d in departments)
            await api.Send(HttpMethod.Put, $"/api/webhooks/chaos-dept-{d}", new { url = robot.UrlFor($"dept-{d}"), format = "dingtalk", recipients = new[] { $"M{d}" } });
        // Weak: E00000, E00021, E00042, … (one per department), each low three days running and then absent from the feed.
        var weak = Enumerable.Range(0, employees).Where(i => i % 20 == i / 20 % 20).Select(ApiClient.EmployeeId).ToList();
        foreach (var e in weak)
            await a.Send(HttpMethod.Post, $"/api/employees/{e}/acknowledgements", new { brandId = Brand, postId = "ops", standardVersion = 1 }, Token(control, e));

        var sent = new HashSet<string>();
        var statuses = new ConcurrentBag<(string Phase, int Status)>();
        var turn = 0;
        for (var day = 0; day < days; day++)
        {
            var date = Day0.AddDays(day);
            // A story day every two seconds: the 09:00 runs (woken every five) catch up on at most a few days each.
            var paced = Task.Delay(TimeSpan.FromSeconds(2));
            await SetClock(nodes.Where(n => n.Up), date, new TimeOnly(20, 0));
            var rows = Enumerable.Range(0, employees).Select(ApiClient.EmployeeId).Where(e => !weak.Contains(e) || day < 3)
                .Select(e => new
                {
                    sourceId = $"chaos:{date:yyyy-MM-dd}:{e}", employeeId = e, date = date.ToString("yyyy-MM-dd"),
                    metrics = new { orders = weak.Contains(e) ? 2 : 12, visitors = 150, revenue = (weak.Contains(e) ? 2 : 12) * 95m }
                }).ToList();
            // The shop system sends each day's batch to either node, and to the other when one does not answer.
            turn = await SendBatch(nodes, JsonSerializer.Serialize(rows), turn, statuses, "feed");
            foreach (var r in rows) sent.Add(r.sourceId);
            Console.WriteLine($"day {date:yyyy-MM-dd}: {rows.Count} rows sent");
            await paced;

            if (day == 3)
            {
                // The weak hires' cases opened on day 2's batch: each acknowledges the plan drafted for them.
                foreach (var e in weak)
                {
                    var caseId = $"{e}-1";
                    var opened = await Until(async () => await a.TryGetJson($"/api/cases/{caseId}") is { } c && c["status"]?.GetValue<string>() == "plan-pending",
                        TimeSpan.FromSeconds(60));
                    if (opened) await a.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip/acknowledgement", new { }, Token(control, e));
                }
                Console.WriteLine($"{weak.Count} plans acknowledged");
            }
            if (day == 4)
            {
                Console.WriteLine($"SIGKILL node {a.Url}");
                await Shell(control, "kill-a");
                a.Up = false;
            }
            if (day == 6)
            {
                Console.WriteLine("restarting PostgreSQL (down for a few seconds) while the feed and readers go on...");
                var restart = Task.Run(() => Shell(control, "restart-db"));
                var refused = new List<string>();
                for (var probe = 0; !restart.IsCompleted; probe++)
                {
                    // A reader and a shop system's late row: each answered 503 while the database is away, nothing half-written.
                    statuses.Add(("outage", await b.Status(HttpMethod.Get, "/api/brands/bench")));
                    var late = JsonSerializer.Serialize(new[] { new { sourceId = $"chaos:outage:{probe}", employeeId = ApiClient.EmployeeId(1),
                        date = date.ToString("yyyy-MM-dd"), metrics = new { orders = 1, visitors = 10, revenue = 95m } } });
                    var status = await b.Status(HttpMethod.Post, "/api/tallies", late);
                    statuses.Add(("outage", status));
                    if (status == 200) sent.Add($"chaos:outage:{probe}");
                    else refused.Add(late);
                    await Task.Delay(200);
                }
                await restart;
                await Until(async () => await b.Status(HttpMethod.Get, "/health/ready") == 200, TimeSpan.FromSeconds(90));
                // The shop system sends again what was refused; it lands once.
                foreach (var late in refused)
                {
                    turn = await SendBatch(nodes, late, turn, statuses, "resent");
                    sent.Add(JsonNode.Parse(late)![0]!["sourceId"]!.GetValue<string>());
                }
                Console.WriteLine($"{refused.Count} rows refused during the outage, sent again");
            }
            if (day == 8)
            {
                Console.WriteLine($"starting node {a.Url} again");
                // A node's clock is the story's (the settable clock of Test): it starts on the day the feed is at.
                await Shell(control, "start-a", new DateTimeOffset(date.ToDateTime(new TimeOnly(20, 0)), Beijing).ToString("O"));
                a.Up = await Until(async () => await a.Status(HttpMethod.Get, "/health/ready") == 200, TimeSpan.FromSeconds(120));
                await SetClock([a], date, new TimeOnly(20, 0));
            }
        }

        // Past every plan's deadline: the timers fire (on whichever node holds them) and the 09:00 runs catch up
        // (within the seven days a run catches up on).
        var end = Day0.AddDays(days + 2);
        await SetClock(nodes.Where(n => n.Up), end, new TimeOnly(10, 0));
        var lastReportDay = end.AddDays(-1);
        Console.WriteLine($"clock moved to {end:yyyy-MM-dd} 10:00; waiting for timers, reports and the sealer...");

        var rowsStored = 0L;
        await Until(async () => (rowsStored = await Scalar(o.Database, "select count(*) from eventhr.tally_rows where source_id like 'chaos:%'")) >= sent.Count,
            TimeSpan.FromSeconds(60));
        checks.Add("tally rows equal rows sent", rowsStored == sent.Count, $"{rowsStored:N0} stored, {sent.Count:N0} sent");

        var cases = new Dictionary<string, JsonNode?>();
        await Until(async () =>
        {
            foreach (var e in weak) cases[e] = await a.TryGetJson($"/api/cases/{e}-1");
            return cases.Values.All(c => c is not null && Count(c, "assessment_data_missing") >= 1);
        }, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(6));   // a second escalation would have followed within the grace
        foreach (var e in weak) cases[e] = await a.TryGetJson($"/api/cases/{e}-1");
        var all = JsonNode.Parse(await a.Get("/api/cases"))!.AsArray();
        var weakCases = all.Where(c => weak.Contains(c!["employeeId"]!.GetValue<string>())).ToList();
        checks.Add("one case per weak employee, none for the others",
            weakCases.Count == weak.Count && weakCases.Select(c => c!["employeeId"]!.GetValue<string>()).Distinct().Count() == weak.Count
            && all.Count(c => c!["employeeId"]!.GetValue<string>().StartsWith('E')) == weak.Count,
            $"{weakCases.Count} cases for {weak.Count} weak employees, {all.Count} in all");
        checks.Add("one warning per weak employee", cases.Values.All(c => c is not null && Count(c, "warning_raised") == 1),
            string.Join(" ", cases.Select(kv => $"{kv.Key}:{(kv.Value is null ? "-" : Count(kv.Value, "warning_raised"))}").Take(5)) + " …");
        checks.Add("each plan deadline escalated once", cases.Values.All(c => c is not null && Count(c, "assessment_data_missing") == 1),
            $"{cases.Values.Count(c => c is not null && Count(c, "assessment_data_missing") == 1)} of {weak.Count} escalated exactly once");

        // Each department's report of each day: one notification to its head, one delivery to its robot.
        var reports = new Dictionary<int, List<string>>();
        await Until(async () =>
        {
            foreach (var d in departments)
                reports[d] = JsonNode.Parse(await a.Get($"/api/notifications?recipient=M{d}"))!.AsArray()
                    .Where(n => n!["kind"]!.GetValue<string>() == "daily-report").Select(n => n!["id"]!.GetValue<string>()).ToList();
            return reports.Values.All(ids => ids.Any(id => id.Contains($":{lastReportDay:yyyy-MM-dd}:")))
                   && reports.Values.Sum(ids => ids.Count) <= robot.DailyReports.Count();
        }, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var expectedDays = Enumerable.Range(0, lastReportDay.DayNumber - Day0.AddDays(-1).DayNumber + 1).Select(i => Day0.AddDays(-1 + i)).ToList();
        var gaps = departments.SelectMany(d => expectedDays.Where(day => reports[d].Count(id => id.Contains($":dept-{d}:{day:yyyy-MM-dd}:")) != 1)
            .Select(day => $"dept-{d} {day:MM-dd}")).ToList();
        checks.Add("each department's daily report stored once per day", gaps.Count == 0,
            $"{departments.Count} departments × {expectedDays.Count} days ({expectedDays[0]:MM-dd}…{lastReportDay:MM-dd})"
            + (gaps.Count == 0 ? "" : $"; missing or doubled: {string.Join(", ", gaps.Take(6))}{(gaps.Count > 6 ? " …" : "")}"));
        var delivered = robot.DailyReports.ToList();
        var expected = reports.Values.SelectMany(ids => ids).ToHashSet();
        var repeated = delivered.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = expected.Where(id => !delivered.Any(x => x.StartsWith(id + ">"))).ToList();
        checks.Add("each daily report delivered to its webhook once", repeated.Count == 0 && missing.Count == 0,
            $"{delivered.Count} deliveries for {expected.Count} reports, {repeated.Count} delivered again under the same X-EventHr-Delivery id, {missing.Count} missing"
            + string.Concat(repeated.Concat(missing).Take(4).Select(id => $"; {id}")));

        var verdict = (JsonNode?)null;
        await Until(async () => (verdict = JsonNode.Parse(await a.Get("/api/audit/verify"))) is { } v && v["pending"]!.GetValue<int>() == 0,
            TimeSpan.FromSeconds(120));
        checks.Add("hash chain valid with nothing pending", verdict?["valid"]?.GetValue<bool>() == true && verdict["pending"]!.GetValue<int>() == 0,
            $"{verdict?["events"]} events in {verdict?["streams"]} streams, pending {verdict?["pending"]}, broken {verdict?["brokenStreams"]}");

        var answers = statuses.ToList();
        var outage = answers.Where(s => s.Phase == "outage").ToList();
        checks.Add("no 500 answered, 503 while the database was down",
            answers.All(s => s.Status < 500 || s.Status == 503) && outage.Any(s => s.Status == 503),
            $"{answers.Count} answers: " + string.Join(", ", answers.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{g.Key}")));
        var deadLetters = await Scalar(o.Database, "select count(*) from eventhr.wolverine_dead_letters");
        checks.Add("no message in the dead-letter queue", deadLetters == 0, $"{deadLetters} dead letters");
        var ready = new List<int>();
        foreach (var n in nodes) ready.Add(await n.Status(HttpMethod.Get, "/health/ready"));
        checks.Add("both nodes ready at the end", ready.All(s => s == 200), string.Join(", ", ready));

        return checks.Print();
    }

    /// <summary>Sends a batch to the node whose turn it is, and to the other while one does not take it; returns the next turn.</summary>
    private static async Task<int> SendBatch(Node[] nodes, string body, int turn, ConcurrentBag<(string, int)> statuses, string phase)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var node = nodes[(turn + attempt) % nodes.Length];
            var status = node.Up ? await node.Status(HttpMethod.Post, "/api/tallies", body) : -1;
            if (status >= 0) statuses.Add((phase, status));
            if (status == 200) return turn + 1;
            await Task.Delay(250);
        }
        throw new InvalidOperationException("a batch found no node to take it");
    }

    private static async Task SetClock(IEnumerable<Node> nodes, DateOnly day, TimeOnly time)
    {
        var to = new DateTimeOffset(day.ToDateTime(time), Beijing);
        foreach (var n in nodes) await n.Send(HttpMethod.Post, "/api/dev/clock", new { to });
    }

    private static int Count(JsonNode c, string type) => c["timeline"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == type);

    private static readonly ConcurrentDictionary<string, string> Tokens = new();

    /// <summary>The employee's own token, as the phone app would hold it (minted by ./ops/token with the run's key).</summary>
    private static string Token(string control, string employee) => Tokens.GetOrAdd(employee, e =>
    {
        var script = Path.Combine(Path.GetDirectoryName(control)!, "token");
        using var p = Process.Start(new ProcessStartInfo(script, ["--role", "employee", "--sub", $"u-{e}", "--employee-id", e]) { RedirectStandardOutput = true })!;
        var token = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return token;
    });

    private static async Task Shell(string control, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(control, args))!;
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{control} {string.Join(' ', args)} failed ({p.ExitCode})");
    }

    private static async Task<bool> Until(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try { if (await condition()) return true; }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or NpgsqlException) { }
            await Task.Delay(500);
        }
        return false;
    }

    private static async Task<long> Scalar(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private sealed class Node(string url, string token)
    {
        public string Url { get; } = url;
        public bool Up { get; set; } = true;
        private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) }
        };

        public async Task<string> Send(HttpMethod method, string path, object body, string? asUser = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
            if (asUser is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", asUser);
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} on {Url} → {(int)response.StatusCode}: {text}");
            return text;
        }

        public async Task<string> Get(string path)
        {
            using var response = await _http.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} on {Url} → {(int)response.StatusCode}: {text}");
            return text;
        }

        public async Task<JsonNode?> TryGetJson(string path)
        {
            using var response = await _http.GetAsync(path);
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }

        /// <summary>The answer's status, or -1 when the node did not answer at all (killed, refusing connections).</summary>
        public async Task<int> Status(HttpMethod method, string path, string? body = null)
        {
            try
            {
                using var request = new HttpRequestMessage(method, path);
                if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await _http.SendAsync(request);
                return (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return -1; }
        }
    }

    /// <summary>The departments' robots: one listener on loopback that remembers every delivery id it is sent.</summary>
    private sealed class Robot : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private readonly string _root;
        public ConcurrentQueue<string> Deliveries { get; } = new();
        public IEnumerable<string> DailyReports => Deliveries.Where(id => id.StartsWith("daily:"));

        public Robot()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _root = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(_root);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext ctx;
                    try { ctx = await _listener.GetContextAsync(); } catch { return; }
                    Deliveries.Enqueue(ctx.Request.Headers["X-EventHr-Delivery"] ?? "");
                    ctx.Response.StatusCode = 200;
                    ctx.Response.Close();
                }
            });
        }

        public string UrlFor(string path) => $"{_root}{path}/";

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try { await _loop; } catch { }
        }
    }

    private sealed class Checks
    {
        private readonly List<(string Name, bool Passed, string Detail)> _all = [];

        public void Add(string name, bool passed, string detail)
        {
            _all.Add((name, passed, detail));
            Console.WriteLine($"{(passed ? "PASS" : "FAIL")}  {name}: {detail}");
        }

        public int Print()
        {
            var failed = _all.Count(c => !c.Passed);
            Console.WriteLine($"chaos: {_all.Count - failed} checks passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        }
    }
}
