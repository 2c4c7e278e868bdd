using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventHr.Api.Tests.Support;

/// <summary>Scenario helpers that speak the public REST contract, so tests read like the stories in DOMAIN.md.</summary>
public sealed class TestApi
{
    private readonly IApi fixture;

    /// <summary>Each test starts at the real time: a story that needs other days moves the clock there (<see cref="At"/>).</summary>
    public TestApi(IApi fixture)
    {
        this.fixture = fixture;
        fixture.MoveClock(DateTimeOffset.UtcNow);
    }

    /// <summary>What the API's clock reads now.</summary>
    public DateTimeOffset Now => fixture.ClockNow;

    private DateTimeOffset? _story;
    private readonly Lock _storyLock = new();

    /// <summary>The API's clock reads this instant from now on (its time zone says which business day it is).</summary>
    public void At(string instant) => At(DateTimeOffset.Parse(instant));

    private void At(DateTimeOffset instant)
    {
        lock (_storyLock)
        {
            _story = instant;
            fixture.MoveClock(instant);
        }
    }

    /// <summary>Moves the story's clock forward to an instant, unless it is already later (a feed's day arrives that evening).</summary>
    public void AtLeast(DateTimeOffset instant)
    {
        lock (_storyLock)
            if (_story is null || instant > _story) At(instant);
    }

    /// <summary>A prefix unique to one test, keeping its brands, posts and employees apart from every other test's.</summary>
    public readonly string Run = "t" + Guid.NewGuid().ToString("N")[..8];

    public string HrToken { get; } = Tokens.For("hr-li", "hr");
    private readonly List<string> _brands = [];

    /// <summary>The shop feed of every brand this test defined (a feed's token names the brands it feeds).</summary>
    public string IntegrationToken => Tokens.For("shop-feed", ["integration"], brands: _brands.Count == 0 ? ["none"] : _brands);

    public string Id(string name) => $"{Run}-{name}";

    public async Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null, string? token = null,
        string? rawBody = null, IDictionary<string, string>? headers = null)
    {
        var client = fixture.Host.Server.CreateClient();
        var request = new HttpRequestMessage(method, url);
        if (token is not "") request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? HrToken);
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.Add(k, v);
        if (rawBody is not null) request.Content = new StringContent(rawBody, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        return await client.SendAsync(request);
    }

    public async Task<JsonNode> Json(HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expectedStatus, text);
        return JsonNode.Parse(text.Length == 0 ? "null" : text)!;
    }

    public async Task<JsonNode> Ok(HttpMethod method, string url, object? body = null, string? token = null) =>
        await Json(await Send(method, url, body, token), 200);

    public async Task DefineBrand(string brand, string tier = "mid")
    {
        await Ok(HttpMethod.Put, $"/api/brands/{brand}", new { name = $"Brand {brand}", tier });
        _brands.Add(brand);
    }

    public async Task DefinePost(string post, string family, decimal min = 5000, decimal max = 12000, string[]? compatible = null) =>
        await Ok(HttpMethod.Put, $"/api/posts/{post}", new { name = $"Post {post}", family, payBand = new { min, max }, compatiblePosts = compatible ?? [] });

    /// <summary>Published (made known to staff) on 2026-10-25, before every period the tests assess.</summary>
    public async Task<JsonNode> PublishStandard(string brand, string post, string effectiveFrom, object metrics) =>
        await Ok(HttpMethod.Put, $"/api/standards/{brand}/{post}", new { effectiveFrom, metrics, publishedOn = "2026-10-25", publicationRef = "绩效标准公示 notice 2026-10-25" });

    /// <summary>The employer's city of the tests' hires, whose published figures every test may rely on.</summary>
    public const string City = "test-shanghai";

    private bool _figuresRecorded;

    /// <summary>The test city's minimum wage (2,690) and previous-year average wage (12,307), in force since 2020 (repeating records nothing).</summary>
    public async Task RecordLawFigures()
    {
        if (_figuresRecorded) return;
        await Ok(HttpMethod.Post, "/api/law-figures", new { city = City, kind = "minimumMonthlyWage", effectiveFrom = "2020-01-01", amount = 2690, source = "测试公告 test notice" });
        await Ok(HttpMethod.Post, "/api/law-figures", new { city = City, kind = "averageMonthlyWage", effectiveFrom = "2020-01-01", amount = 12307, source = "测试公报 test bulletin" });
        _figuresRecorded = true;
    }

    public async Task<HttpResponseMessage> Hire(string employeeId, string brand, string post, decimal salary = 10000,
        string hiredOn = "2026-11-01", string department = "ops-east")
    {
        await RecordLawFigures();
        return await Send(HttpMethod.Post, "/api/employees", new
        {
            employeeId, name = "王小明", brandId = brand, region = "east", department, postId = post,
            managerId = "M01", hrId = "hr-li", hiredOn, monthlySalary = salary, city = City, birthDate = "1995-04-02", gender = "female", retirementCategory = "worker",
            contract = new { payAdjustableWithPost = true, monthlySalaryFloor = 6000, kind = "open-ended" }
        });
    }

    /// <summary>A brand, an ops post with "orders ≥ 10" from 2026-11-01, and one hired employee: the founding article's set-up.</summary>
    /// <remarks>The story starts on the hire day: the clock is set to 2026-11-01 09:00 Beijing time.</remarks>
    public async Task<(string Brand, string Post, string Employee)> OperationsHire(decimal salary = 10000)
    {
        At("2026-11-01T09:00:00+08:00");
        var (brand, post, employee) = (Id("brand"), Id("ops"), Id("E1001"));
        await DefineBrand(brand);
        await DefinePost(post, "ops");
        await PublishStandard(brand, post, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        (await Hire(employee, brand, post, salary)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        return (brand, post, employee);
    }

    public async Task<JsonNode> PostTallies(object rows, string? token = null) =>
        await Json(await Send(HttpMethod.Post, "/api/tallies", rows, token ?? IntegrationToken), 200);

    /// <summary>
    /// The group overview once the aggregates it reads (kept by a subscription in the daemon) have caught up with
    /// every event stored so far: they follow the feed by moments, a test reads them after that moment.
    /// </summary>
    public async Task<JsonNode> GroupOverview(string month, string? token = null)
    {
        var store = fixture.Host.Services.GetRequiredService<Marten.IDocumentStore>();
        var schema = store.Options.Events.DatabaseSchemaName;
        var sql = $"select coalesce((select max(seq_id) from {schema}.mt_events), 0) <= coalesce((select last_seq_id from "
                  + $"{schema}.mt_event_progression where name = 'group_aggregates:All'), 0)";
        await Eventually.Get(async () =>
        {
            await using var conn = (Npgsql.NpgsqlConnection)store.Options.Tenancy.Default.Database.CreateConnection();
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
            return (bool)(await cmd.ExecuteScalarAsync())!;
        }, caughtUp => caughtUp, "the group aggregates to catch up");
        return await Ok(HttpMethod.Get, $"/api/group/overview?month={month}", token: token);
    }

    public async Task<JsonNode> Performance(string employee, string from, string to) =>
        await Ok(HttpMethod.Get, $"/api/employees/{employee}/performance?from={from}&to={to}");

    /// <summary>Asserts an RFC 9457 answer with the given status, and returns its body.</summary>
    public static async Task<JsonNode> ShouldBeProblem(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        return JsonNode.Parse(text)!;
    }

    public static string Serialize(object o) => JsonSerializer.Serialize(o);
}
