using System.Text.Json;
using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

/// <summary>
/// The typed REST contract: the running API's OpenAPI document is the committed docs/openapi.json (so a
/// contract change is deliberate: regenerate with EVENTHR_WRITE_OPENAPI=1 ./ops/test --filter OpenApi),
/// and every operation declares its 2xx schema and its problem answers.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiContractTests(AppFixture fixture)
{
    private static readonly string Committed = Path.Combine(Repo.Root(), "docs", "openapi.json");

    [Fact]
    public async Task the_running_document_is_the_committed_one()
    {
        var running = Normalised(await Document());
        if (Environment.GetEnvironmentVariable("EVENTHR_WRITE_OPENAPI") == "1") await File.WriteAllTextAsync(Committed, running + "\n");
        File.Exists(Committed).ShouldBeTrue("docs/openapi.json is missing: run EVENTHR_WRITE_OPENAPI=1 ./ops/test --filter OpenApi");
        running.ShouldBe((await File.ReadAllTextAsync(Committed)).TrimEnd('\n'),
            "the API's contract changed: if that is meant, run EVENTHR_WRITE_OPENAPI=1 ./ops/test --filter OpenApi and commit docs/openapi.json");
    }

    [Fact]
    public async Task every_operation_has_a_typed_answer_its_problems_and_a_sentence_for_a_summary()
    {
        var doc = await Document();
        var failures = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        foreach (var (method, op) in item!.AsObject())
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var summary = op!["summary"]?.GetValue<string>() ?? "";
            if (summary.Length < 10 || !(char.IsUpper(summary[0]) || summary[0] >= '\u2E80') || !summary.TrimEnd().EndsWith('.') || summary.Contains('_'))
                failures.Add($"{name}: summary '{summary}' is not a sentence");
            var responses = op["responses"]!.AsObject();
            var ok = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (ok.Count == 0) failures.Add($"{name}: no 2xx answer");
            foreach (var (status, response) in ok.Where(r => r.Key != "204"))
            {
                var schemas = response!["content"]?.AsObject().Select(c => c.Value!["schema"]).ToList() ?? [];
                if (schemas.Count == 0 || schemas.Any(s => s is null || s.ToJsonString() == "{}"))
                    failures.Add($"{name}: {status} has no schema");
                if (response.ToJsonString().Contains("IResult")) failures.Add($"{name}: {status} is documented as IResult");
            }
            // Health answers its own report when not ready; everything else refuses with RFC 9457 problems.
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5' && !path.StartsWith("/health")))
            {
                var content = response!["content"]?.AsObject();
                if (content is null || !content.ContainsKey("application/problem+json"))
                    failures.Add($"{name}: {status} is not declared as application/problem+json");
            }
            if (!path.StartsWith("/health"))
                foreach (var status in new[] { "401", "403", "503" })
                    if (!responses.ContainsKey(status)) failures.Add($"{name}: {status} not declared");
            if (path.Contains('{') && !responses.ContainsKey("404")) failures.Add($"{name}: 404 not declared");
        }
        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/cases/{caseId}/decisions")]
    [InlineData("/api/cases/{caseId}/pip")]
    [InlineData("/api/cases/{caseId}/pip/acknowledgement")]
    public async Task a_legal_refusal_is_declared_with_its_guard_and_missing_members(string path)
    {
        var doc = await Document();
        var schema = doc["paths"]![path]!["post"]!["responses"]!["422"]!["content"]!["application/problem+json"]!["schema"]!;
        var name = schema["$ref"]!.GetValue<string>().Split('/')[^1];
        var properties = doc["components"]!["schemas"]![name]!["properties"]!.AsObject();
        properties.Select(p => p.Key).ShouldContain("guard");
        properties.Select(p => p.Key).ShouldContain("missing");
        properties["guard"]!["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    private async Task<JsonNode> Document()
    {
        // Outside Development the live document is read with a token, like any other.
        var request = new HttpRequestMessage(HttpMethod.Get, "/swagger/v1/swagger.json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens.For("hr-li", ["hr"]));
        var response = await fixture.Host.Server.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Object members in order of name, so the comparison does not depend on discovery order.</summary>
    private static string Normalised(JsonNode node) => Sort(node)!.ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    });

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
        null => null,
        _ => node.DeepClone()
    };
}
