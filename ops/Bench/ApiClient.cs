using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EventHr.Bench;

/// <summary>A thin HTTP client for the public API, as a shop system would call it.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(BenchOptions o)
    {
        _http = new HttpClient { BaseAddress = new Uri(o.ApiUrl), Timeout = TimeSpan.FromMinutes(5) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", o.Token);
    }

    public async Task<string> Send(HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url} → {(int)response.StatusCode}: {body}");
        return body;
    }

    public Task<string> Send(HttpMethod method, string url, object body) => Send(method, url, JsonSerializer.Serialize(body));

    public async Task<string> Get(string url) => await TryGet(url) ?? throw new InvalidOperationException($"GET {url} → 404");

    /// <summary>The body, or null for a 404.</summary>
    public async Task<string?> TryGet(string url)
    {
        using var response = await _http.GetAsync(url);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url} → {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The founding article's company shape: one brand, the ops post, its standard, N employees.</summary>
    public async Task SeedCompany(int employees, DateOnly hiredOn)
    {
        await Send(HttpMethod.Put, "/api/brands/bench", new { name = "Bench brand", tier = "mid" });
        await Send(HttpMethod.Put, "/api/posts/ops", new { name = "运营", family = "ops", payBand = new { min = 6000, max = 15000 }, compatiblePosts = new[] { "cs" } });
        await Send(HttpMethod.Put, "/api/standards/bench/ops", new
        {
            effectiveFrom = hiredOn.ToString("yyyy-MM-dd"), publishedOn = hiredOn.ToString("yyyy-MM-dd"), publicationRef = "bench notice",
            metrics = new Dictionary<string, object> { ["orders"] = new { target = 10, direction = "atLeast" } }
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, employees), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            await Send(HttpMethod.Post, "/api/employees", new
            {
                employeeId = EmployeeId(i), name = $"员工{i}", brandId = "bench", region = i % 2 == 0 ? "east" : "south",
                department = $"dept-{i % 20}", postId = "ops", managerId = $"M{i % 20}", hrId = "hr-li",
                hiredOn = hiredOn.ToString("yyyy-MM-dd"), monthlySalary = 8000 + i % 5 * 1000,
                contract = new { payAdjustableWithPost = true }
            }));
    }

    public static string EmployeeId(int i) => $"E{i:D5}";

    public void Dispose() => _http.Dispose();
}
