using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using EventHr.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;

namespace EventHr.Api.Tests;

/// <summary>
/// Bad input of every kind, sent to every write endpoint: a 4xx problem, never a 500, and the next
/// ordinary request (on a pooled connection that a failed statement would have left broken) succeeds.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BadInputTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    /// <summary>Each kind of bad text, as the raw bytes of a JSON string literal (quotes included).</summary>
    public static readonly (string Kind, byte[] Literal)[] BadStrings =
    [
        ("NUL", Encoding.UTF8.GetBytes("\"a\\u0000b\"")),
        ("raw control character", Encoding.UTF8.GetBytes("\"a\\u0007b\"")),
        ("lone surrogate", Encoding.UTF8.GetBytes("\"a\\ud800b\"")),
        ("invalid UTF-8", [(byte)'"', (byte)'a', 0xC3, 0x28, (byte)'"']),
        ("over-long", Encoding.UTF8.GetBytes($"\"{new string('x', 20_001)}\"")),
    ];

    [Fact]
    public async Task every_write_endpoint_answers_bad_bodies_with_a_problem_and_the_next_request_succeeds()
    {
        var known = await KnownBrand();
        var failures = new List<string>();
        WriteEndpoints().Count().ShouldBeGreaterThanOrEqualTo(17);
        foreach (var (method, route, requestType) in WriteEndpoints())
        {
            var url = Fill(route);
            var bodies = new List<(string Kind, byte[] Body)> { ("null", "null"u8.ToArray()) };
            bodies.AddRange(BadStrings.Select(b => (b.Kind, BodyWith(requestType, b.Literal))));
            foreach (var (kind, body) in bodies)
            {
                var response = await SendRaw(method, url, body);
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (status is < 400 or >= 500 || type != "application/problem+json")
                    failures.Add($"{method} {route} with {kind}: {status} {type} {await response.Content.ReadAsStringAsync()}");
                var next = await _api.Send(HttpMethod.Get, $"/api/brands/{known}");
                if (next.StatusCode != HttpStatusCode.OK) failures.Add($"after {method} {route} with {kind}, GET brand: {(int)next.StatusCode}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task every_read_of_an_unknown_record_or_with_a_bad_filter_is_a_problem_not_a_500()
    {
        var failures = new List<string>();
        foreach (var route in ReadEndpoints())
        foreach (var query in new[] { "", "?from=x&to=y&date=z&month=13&asOf=never&status=maybe&kind=any&format=doc" })
        {
            var response = await _api.Send(HttpMethod.Get, Fill(route) + query, token: Tokens.For("admin-1", ["admin", "hr", "auditor"]));
            if ((int)response.StatusCode >= 500 && !route.StartsWith("/health"))
                failures.Add($"GET {route}{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/cases?employeeId=%00")]
    [InlineData("/api/cases?department=a%7Fb")]
    [InlineData("/api/notifications?recipient=%01")]
    [InlineData("/api/employees/E%011")]
    [InlineData("/api/audit/streams/case:%1B")]
    public async Task a_bad_character_in_a_route_value_or_query_filter_is_a_400_and_harms_no_later_request(string url)
    {
        var known = await KnownBrand();
        for (var i = 0; i < 3; i++)   // more than once, so a broken pooled connection would be met again
        {
            await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, url), 400);
            (await _api.Send(HttpMethod.Get, $"/api/brands/{known}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task an_over_long_query_value_is_refused()
    {
        var response = await _api.Send(HttpMethod.Get, $"/api/cases?employeeId={new string('E', 600)}");
        (await TestApi.ShouldBeProblem(response, 400))["detail"]!.GetValue<string>().ShouldContain("employeeId");
    }

    [Fact]
    public async Task a_tally_row_with_bad_text_is_rejected_alone_and_the_rest_lands()
    {
        var (_, _, employee) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in
        var good = $"{{\"sourceId\":\"{_api.Run}:ok\",\"employeeId\":\"{employee}\",\"date\":\"2026-11-20\",\"metrics\":{{\"orders\":3}}}}";
        var rows = BadStrings.Where(b => b.Kind != "over-long").Select(b => Concat(
            Encoding.UTF8.GetBytes($"{{\"employeeId\":\"{employee}\",\"date\":\"2026-11-20\",\"sourceId\":"), b.Literal, "}"u8.ToArray()));
        var body = Concat([.. "["u8.ToArray(), .. Encoding.UTF8.GetBytes(good),
            .. rows.SelectMany(r => Concat(","u8.ToArray(), r)), .. "]"u8.ToArray()]);

        var answer = await _api.Json(await SendRaw(HttpMethod.Post, "/api/tallies", body, _api.IntegrationToken), 200);

        answer["accepted"]!.GetValue<int>().ShouldBe(1);
        answer["rejected"]!.AsArray().Select(r => r!["index"]!.GetValue<int>()).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public async Task bad_text_in_an_otherwise_valid_write_to_existing_records_is_refused_and_records_nothing()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        var cases = new CaseApi(_api);
        await cases.TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2);
        var caseId = $"{employee}-1";
        await cases.WaitForCase(caseId, "plan-pending");
        const string bad = "\"@\"";   // replaced by each bad literal below
        var writes = new (HttpMethod Method, string Url, string Body)[]
        {
            (HttpMethod.Put, $"/api/brands/{brand}", $$"""{ "name": {{bad}}, "tier": "mid" }"""),
            (HttpMethod.Put, $"/api/posts/{post}", $$"""{ "name": {{bad}}, "family": "ops", "payBand": { "min": 5000, "max": 12000 } }"""),
            (HttpMethod.Put, $"/api/standards/{brand}/{post}", $$"""{ "effectiveFrom": "2027-01-01", "metrics": { {{bad}}: { "target": 1, "direction": "atLeast" } } }"""),
            (HttpMethod.Post, "/api/employees", $$"""{ "employeeId": "{{_api.Id("E2")}}", "name": {{bad}}, "brandId": "{{brand}}", "region": "east", "department": "d", "postId": "{{post}}", "managerId": "M01", "hrId": "hr-li", "hiredOn": "2026-11-01", "monthlySalary": 9000, "contract": { "payAdjustableWithPost": true } }"""),
            (HttpMethod.Post, $"/api/employees/{employee}/separations", $$"""{ "kind": "resignation", "date": "2026-12-31", "reason": {{bad}} }"""),
            (HttpMethod.Post, $"/api/cases/{caseId}/notes", $$"""{ "text": {{bad}} }"""),
            (HttpMethod.Post, $"/api/cases/{caseId}/trainings", $$"""{ "course": {{bad}}, "scheduledOn": "2026-11-20" }"""),
            (HttpMethod.Post, $"/api/cases/{caseId}/pip", $$"""{ "targets": { "orders": 5 }, "from": "2026-11-05", "until": "2026-11-18", "support": [{{bad}}] }"""),
            (HttpMethod.Put, $"/api/webhooks/{_api.Id("hook")}", $$"""{ "url": "https://example.com/hook", "format": "generic", "recipients": [{{bad}}] }"""),
            (HttpMethod.Post, "/api/tallies", $$"""[{ "sourceId": {{bad}}, "employeeId": "{{employee}}", "date": "2026-11-20", "metrics": { "orders": 3 } }]"""),
        };
        var before = (await AuditTrail.Events(fixture, $"case:{caseId}")).Count;
        var failures = new List<string>();
        foreach (var (kind, literal) in BadStrings)
        foreach (var (method, url, template) in writes)
        {
            var at = template.IndexOf(bad, StringComparison.Ordinal);
            var body = Concat(Encoding.UTF8.GetBytes(template[..at]), literal, Encoding.UTF8.GetBytes(template[(at + bad.Length)..]));
            var response = await SendRaw(method, url, body);
            var status = (int)response.StatusCode;
            // A tally batch answers 200 with the row rejected; everything else refuses the request.
            var refused = url == "/api/tallies"
                ? status == 200 && (await response.Content.ReadAsStringAsync()).Contains("\"accepted\":0")
                : status == 400 && response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (!refused) failures.Add($"{method} {url} with {kind}: {status} {await response.Content.ReadAsStringAsync()}");
        }
        failures.ShouldBeEmpty();
        (await AuditTrail.Events(fixture, $"case:{caseId}")).Count.ShouldBe(before);
        (await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}"))["endedOn"].ShouldBeNull();
    }

    /// <summary>POST and PUT endpoints with their route pattern and the request body type Wolverine reads.</summary>
    private IEnumerable<(HttpMethod, string, Type?)> WriteEndpoints()
    {
        var sources = fixture.Host.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            var chain = endpoint.Metadata.GetMetadata<HttpChain>();
            foreach (var m in methods.Where(m => m is "POST" or "PUT"))
                yield return (new HttpMethod(m), endpoint.RoutePattern.RawText!, chain?.RequestType);
        }
    }

    private IEnumerable<string> ReadEndpoints() =>
        fixture.Host.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                        && e.RoutePattern.RawText!.StartsWith("/api"))
            .Select(e => e.RoutePattern.RawText!).Distinct();

    private string Fill(string route) => System.Text.RegularExpressions.Regex.Replace(route, "{([^}:]+)[^}]*}",
        m => m.Groups[1].Value == "n" ? "1" : _api.Id("unknown"));

    /// <summary>A JSON object with the bad text in every string property of the request (and as a dictionary key).</summary>
    private static byte[] BodyWith(Type? requestType, byte[] literal)
    {
        var props = requestType?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [];
        var strings = props.Where(p => p.PropertyType == typeof(string)).Select(p => JsonName(p.Name)).ToList();
        var dictionaries = props.Where(p => p.PropertyType.IsGenericType && p.PropertyType.Name.StartsWith("Dictionary")).Select(p => JsonName(p.Name));
        if (requestType is null || strings.Count == 0) strings.Add("text");   // the tally feed reads its own rows
        var parts = strings.Select(n => Concat(Encoding.UTF8.GetBytes($"\"{n}\":"), literal))
            .Concat(dictionaries.Select(n => Concat(Encoding.UTF8.GetBytes($"\"{n}\":{{"), literal, ":1}"u8.ToArray())));
        var body = requestType is null ? Concat("[{\"sourceId\":"u8.ToArray(), literal, "}]"u8.ToArray())
            : Concat("{"u8.ToArray(), Join(parts), "}"u8.ToArray());
        return body;
    }

    private static byte[] Join(IEnumerable<byte[]> parts) =>
        parts.Aggregate(Array.Empty<byte>(), (acc, p) => acc.Length == 0 ? p : Concat(acc, ","u8.ToArray(), p));

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private async Task<HttpResponseMessage> SendRaw(HttpMethod method, string url, byte[] body, string? token = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Tokens.For("admin-1", ["admin", "hr", "integration"]));
        return await fixture.Host.Server.CreateClient().SendAsync(request);
    }

    private async Task<string> KnownBrand()
    {
        var brand = _api.Id("known");
        await _api.DefineBrand(brand);
        return brand;
    }
}
