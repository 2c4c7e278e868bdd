using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventHr.Bench;

/// <summary>
/// ./ops/demo: the founding article's company through the public API. Five brands, 200 staff, and
/// one operations hire on 10,000 a month who makes 2–3 orders a day against a standard of 10. Thirty
/// days of tallies are replayed; the case timeline is printed as it unfolds.
/// </summary>
public static class Demo
{
    public static async Task<int> Run(BenchOptions o)
    {
        var tag = Env("EVENTHR_DEMO_TAG");
        var hr = new ApiClient(o);
        var manager = new ApiClient(o with { Token = Env("EVENTHR_DEMO_MANAGER_TOKEN") });
        var weak = $"E1001-{tag}";
        var employeeApi = new ApiClient(o with { Token = Env("EVENTHR_DEMO_EMPLOYEE_TOKEN") });

        Console.WriteLine($"== 集团 Group set-up (run {tag})");
        // The story happens on its own days: the API's settable clock (Development) is moved to each one, nothing is back-dated.
        await hr.Send(HttpMethod.Post, "/api/dev/clock", new { to = "2026-09-01T09:00:00+08:00" });
        string[] brands = ["yunshang", "lanting", "mumu", "xiaoman", "qingcheng"];
        string[] tiers = ["premium", "mid", "mid", "value", "value"];
        await hr.Send(HttpMethod.Put, "/api/posts/ops", new { name = "运营 Operations", family = "ops", payBand = new { min = 8000, max = 15000 }, compatiblePosts = new[] { "cs" } });
        await hr.Send(HttpMethod.Put, "/api/posts/cs", new { name = "客服 Customer service", family = "cs", payBand = new { min = 6000, max = 9000 }, compatiblePosts = Array.Empty<string>() });
        for (var b = 0; b < brands.Length; b++)
        {
            await hr.Send(HttpMethod.Put, $"/api/brands/{brands[b]}", new { name = brands[b], tier = tiers[b] });
            await PublishIfMissing(hr, brands[b], "ops", new Dictionary<string, object> { ["orders"] = new { target = 10, direction = "atLeast" } });
            await PublishIfMissing(hr, brands[b], "cs", new Dictionary<string, object> { ["csat"] = new { target = 90, direction = "atLeast" } });
        }
        var staff = Enumerable.Range(1, 199).Select(i => (Id: $"S{i:D3}-{tag}", Brand: brands[i % 5], Post: i % 3 == 0 ? "cs" : "ops")).ToList();
        await Parallel.ForEachAsync(staff, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (s, _) =>
            await hr.Send(HttpMethod.Post, "/api/employees", Hire(s.Id, $"员工{s.Id[..4]}", s.Brand, s.Post, 9000)));
        await hr.Send(HttpMethod.Post, "/api/employees", Hire(weak, "王小明", "yunshang", "ops", 10000));
        await employeeApi.Send(HttpMethod.Post, $"/api/employees/{weak}/acknowledgements", new { brandId = "yunshang", postId = "ops", standardVersion = 1 });
        Console.WriteLine($"5 brands, {staff.Count + 1} employees; {weak} 王小明 (ops, 10,000/month) acknowledged the ops standard: orders ≥ 10 a day");

        var caseId = $"{weak}-1";
        var shown = 0;
        var start = new DateOnly(2026, 10, 1);
        int[] weakOrders = [2, 3, 2, .. Enumerable.Repeat(6, 14), .. Enumerable.Repeat(10, 13)];
        Console.WriteLine("\n== 30 days of tallies (one daily feed per day)");
        for (var d = 0; d < 30; d++)
        {
            var date = start.AddDays(d);
            await hr.Send(HttpMethod.Post, "/api/dev/clock", new { to = $"{date:yyyy-MM-dd}T20:00:00+08:00" });   // the feed of the day, that evening
            var rows = staff.Select((s, i) => Row(s.Id, date, s.Post == "ops" ? 9 + (i + d) % 5 : 6, s.Post == "cs" ? 93 : null))
                .Append(Row(weak, date, weakOrders[d], null)).ToList();
            await hr.Send(HttpMethod.Post, "/api/tallies", rows);
            Console.WriteLine($"{date:yyyy-MM-dd}  feed of {rows.Count} rows; 王小明 orders {weakOrders[d]}");
            await Task.Delay(300);
            shown = await PrintNew(hr, caseId, shown);

            var status = await Status(hr, caseId);
            if (status == "plan-pending" && d == 2)
            {
                await manager.Send(HttpMethod.Post, $"/api/cases/{caseId}/notes", new { text = "约谈：连续三天订单偏低，了解原因", employeeResponse = "对产品卖点不熟悉，推广方法需要学习" });
                await hr.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip", new { targets = new { orders = 10 }, from = "2026-10-04", until = "2026-10-17", support = new[] { "推广技巧 Promotion technique" } });
                await employeeApi.Send(HttpMethod.Post, $"/api/cases/{caseId}/pip/acknowledgement", new { });
                shown = await PrintNew(hr, caseId, shown);
            }
            if (status == "awaiting-decision")
            {
                await manager.Send(HttpMethod.Post, $"/api/cases/{caseId}/decisions", new { kind = "extend", reason = "订单 2 → 6，明显进步 clearly improving", until = "2026-10-24" });
                shown = await PrintNew(hr, caseId, shown);
            }
        }
        var final = JsonNode.Parse(await hr.Get($"/api/cases/{caseId}"))!;
        Console.WriteLine($"\n== Case {caseId}: {final["status"]} ({final["case"]!["outcome"]})");
        var notes = JsonNode.Parse(await hr.Get($"/api/notifications?recipient=hr-li&caseId={caseId}"))!.AsArray();
        foreach (var n in notes) Console.WriteLine($"notification to {n!["recipient"]}: {n["message"]}");
        await hr.Send(HttpMethod.Post, "/api/dev/clock", new { realTime = true });
        return 0;
    }

    private static async Task PublishIfMissing(ApiClient hr, string brand, string post, Dictionary<string, object> metrics)
    {
        if (await hr.TryGet($"/api/standards/{brand}/{post}") is not null) return;
        await hr.Send(HttpMethod.Put, $"/api/standards/{brand}/{post}", new { effectiveFrom = "2026-09-01", publishedOn = "2026-08-25", publicationRef = "公示通知 2026-08 第3号 notice no. 3", metrics });
    }

    private static object Hire(string id, string name, string brand, string post, decimal salary) => new
    {
        employeeId = id, name, brandId = brand, region = brand.Length % 2 == 0 ? "east" : "south", department = $"{post}-{brand}",
        postId = post, managerId = "M01", hrId = "hr-li", hiredOn = "2026-09-01", monthlySalary = salary,
        contract = new { payAdjustableWithPost = true, monthlySalaryFloor = 6000 }
    };

    private static object Row(string id, DateOnly date, int orders, decimal? csat) => new
    {
        sourceId = $"shop:{date:yyyy-MM-dd}:{id}", employeeId = id, date = date.ToString("yyyy-MM-dd"),
        metrics = new { orders, visitors = 200, revenue = orders * 96m, clicks = 420, csat }
    };

    private static async Task<string?> Status(ApiClient api, string caseId) =>
        await api.TryGet($"/api/cases/{caseId}") is { } json ? JsonNode.Parse(json)!["status"]!.GetValue<string>() : null;

    private static async Task<int> PrintNew(ApiClient api, string caseId, int shown)
    {
        if (await api.TryGet($"/api/cases/{caseId}") is not { } json) return shown;
        var timeline = JsonNode.Parse(json)!["timeline"]!.AsArray();
        foreach (var e in timeline.Skip(shown))
            Console.WriteLine($"            ▸ {e!["type"],-22} by {e["by"],-10} {Summary(e["data"]!)}");
        return timeline.Count;
    }

    private static string Summary(JsonNode data)
    {
        foreach (var key in new[] { "message", "outcome", "text", "reason", "via" })
            if (data[key] is { } v) return v.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (data["targets"] is { } t) return $"targets {t.ToJsonString()} {data["from"]} → {data["until"]}";
        return "";
    }

    private static string Env(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set");
}
