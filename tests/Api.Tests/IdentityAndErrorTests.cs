using System.Net;
using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

[Collection(AppCollection.Name)]
public sealed class IdentityAndErrorTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    [Fact]
    public async Task requests_without_a_valid_token_or_role_are_refused_as_problems()
    {
        var brand = _api.Id("b");
        var noToken = await _api.Send(HttpMethod.Put, $"/api/brands/{brand}", new { name = "x", tier = "mid" }, token: "");
        var forged = await _api.Send(HttpMethod.Put, $"/api/brands/{brand}", new { name = "x", tier = "mid" },
            Tokens.For("mallory", ["hr"], key: "another-key-another-key-another-key-another-key-0123456789"));
        var wrongRole = await _api.Send(HttpMethod.Put, $"/api/brands/{brand}", new { name = "x", tier = "mid" }, Tokens.For("e1", "employee"));
        var employeeIngest = await _api.Send(HttpMethod.Post, "/api/tallies", Array.Empty<object>(), Tokens.For("e1", "employee"));

        await TestApi.ShouldBeProblem(noToken, 401);
        await TestApi.ShouldBeProblem(forged, 401);
        await TestApi.ShouldBeProblem(wrongRole, 403);
        await TestApi.ShouldBeProblem(employeeIngest, 403);
        (await _api.Send(HttpMethod.Get, $"/api/brands/{brand}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task every_event_records_the_actor_role_and_correlation_id()
    {
        var brand = _api.Id("b");
        var correlation = $"{_api.Run}-corr";

        var response = await _api.Send(HttpMethod.Put, $"/api/brands/{brand}", new { name = "Brand", tier = "value" },
            Tokens.For("hr-wang", "hr"), headers: new Dictionary<string, string> { ["X-Correlation-Id"] = correlation });
        var generated = await _api.Send(HttpMethod.Put, $"/api/posts/{_api.Id("p")}",
            new { name = "Post", family = "ops", payBand = new { min = 1000, max = 2000 } });

        response.Headers.GetValues("X-Correlation-Id").Single().ShouldBe(correlation);
        var e = (await AuditTrail.Events(fixture, $"brand:{brand}")).Single();
        e.UserName.ShouldBe("hr-wang");
        e.CorrelationId.ShouldBe(correlation);
        e.Role!.ToString().ShouldBe("hr");
        var generatedId = generated.Headers.GetValues("X-Correlation-Id").Single();
        generatedId.ShouldNotBeNullOrWhiteSpace();
        (await AuditTrail.Events(fixture, $"post:{_api.Id("p")}")).Single().CorrelationId.ShouldBe(generatedId);
    }

    public static TheoryData<string, string, string> InvalidMasterData => new()
    {
        { "/api/brands/{id}", """{ "name": "x", "tier": "luxury" }""", "tier" },
        { "/api/brands/{id}", """{ "name": "x", "tier": "mid", "timeZone": "Mars/Olympus" }""", "timeZone" },
        { "/api/brands/{id}", """{ "tier": "mid" }""", "name" },
        { "/api/posts/{id}", """{ "name": "p", "family": "ops", "payBand": { "min": 9000, "max": 100 } }""", "payBand.max" },
        { "/api/posts/{id}", """{ "name": "p", "family": "ops" }""", "payBand" },
    };

    [Theory, MemberData(nameof(InvalidMasterData))]
    public async Task invalid_master_data_gets_field_errors_and_records_nothing(string route, string body, string field)
    {
        var id = _api.Id("x");
        var response = await _api.Send(HttpMethod.Put, route.Replace("{id}", id), rawBody: body);

        var problem = await TestApi.ShouldBeProblem(response, 400);
        problem["errors"]![field].ShouldNotBeNull();
        (await _api.Send(HttpMethod.Get, route.Replace("{id}", id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{ "effectiveFrom": "2026-11-01", "metrics": {} }""", "metrics")]
    [InlineData("""{ "effectiveFrom": "2026-11-01", "metrics": { "smiles": { "target": 1, "direction": "atLeast" } } }""", "metrics.smiles")]
    [InlineData("""{ "effectiveFrom": "2026-11-01", "metrics": { "orders": { "target": -1, "direction": "atLeast" } } }""", "metrics.orders.target")]
    [InlineData("""{ "effectiveFrom": "2026-11-01", "metrics": { "orders": { "target": 1, "direction": "more" } } }""", "metrics.orders.direction")]
    [InlineData("""{ "metrics": { "orders": { "target": 1, "direction": "atLeast" } } }""", "effectiveFrom")]
    public async Task an_invalid_standard_is_refused_with_field_errors(string body, string field)
    {
        var (brand, post) = (_api.Id("b"), _api.Id("p"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(post, "ops");

        var problem = await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Put, $"/api/standards/{brand}/{post}", rawBody: body), 400);

        problem["errors"]![field].ShouldNotBeNull();
        (await _api.Send(HttpMethod.Get, $"/api/standards/{brand}/{post}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "employeeId": "E1", "hiredOn": "2026-02-30" }""")]
    [InlineData("""{ "employeeId": "E1", "monthlySalary": "lots" }""")]
    public async Task malformed_bodies_get_400_problems(string body)
    {
        var response = await _api.Send(HttpMethod.Post, "/api/employees", rawBody: body);

        await TestApi.ShouldBeProblem(response, 400);
    }

    [Fact]
    public async Task a_hire_with_missing_and_invalid_fields_lists_each_field()
    {
        var response = await _api.Send(HttpMethod.Post, "/api/employees", new { employeeId = "bad id!", monthlySalary = -5, contract = new { } });

        var errors = (await TestApi.ShouldBeProblem(response, 400))["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBeSubsetOf(["employeeId", "name", "brandId", "region", "department", "postId", "managerId",
            "hrId", "hiredOn", "monthlySalary", "contract.payAdjustableWithPost"]);
        errors.Count.ShouldBe(11);
    }

    [Fact]
    public async Task health_needs_no_token_and_reports_ready()
    {
        var live = await _api.Send(HttpMethod.Get, "/health/live", token: "");
        var ready = await _api.Json(await _api.Send(HttpMethod.Get, "/health/ready", token: ""), 200);

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready["checks"]!["postgresql"]!.GetValue<string>().ShouldBe("reachable");
        ready["checks"]!["schema"]!.GetValue<string>().ShouldBe("applied");
    }

    [Fact]
    public async Task swagger_documents_every_endpoint_with_example_bodies()
    {
        var doc = await _api.Json(await _api.Send(HttpMethod.Get, "/swagger/v1/swagger.json"), 200);

        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/tallies");
        paths.ShouldContain("/api/employees");
        paths.ShouldContain("/api/standards/{brandId}/{postId}");
        paths.ShouldContain("/api/employees/{employeeId}/performance");
        doc["paths"]!["/api/tallies"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"].ShouldBeOfType<JsonArray>();
        var schemas = doc["components"]!["schemas"]!.AsObject();
        schemas.Where(s => s.Value!["example"] is JsonObject).Count().ShouldBeGreaterThanOrEqualTo(12);
        paths.ShouldContain("/api/cases/{caseId}/decisions");
        paths.ShouldContain("/api/notifications");
        paths.ShouldContain("/api/employees/{employeeId}/evidence");
        paths.ShouldContain("/api/audit/streams/{streamId}");
        paths.ShouldContain("/api/audit/verify/{streamId}");
        doc["paths"]!["/api/employees/{employeeId}/evidence"]!["get"]!["responses"]!["200"]!["content"]!.AsObject()
            .Select(c => c.Key).ShouldBe(["application/json", "text/html", "application/pdf"], ignoreOrder: true);
    }
}
