using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EventHr.Api.Tallies;

/// <summary>One row of a tally batch as documented in Swagger (the endpoint reads rows itself, one by one).</summary>
/// <param name="SourceId">Unique id from the source system; a row whose sourceId was seen before is a duplicate.</param>
/// <param name="EmployeeId">The employee the row belongs to.</param>
/// <param name="Date">Business date, yyyy-MM-dd.</param>
/// <param name="Metrics">orders, visitors, revenue, repeatOrders, clicks, avgResponseSeconds, csat (0–100), dwellSeconds; all optional.</param>
/// <param name="Corrects">The sourceId of an earlier row (same employee and date) that this row supersedes.</param>
public sealed record TallyRowDoc(string SourceId, string EmployeeId, string Date, Dictionary<string, decimal>? Metrics, string? Corrects);

/// <summary>Documents the raw JSON body of POST /api/tallies, which model binding does not see.</summary>
public sealed class TallyBatchDocs : IOperationFilter
{
    private const string Example = """
        [{ "sourceId": "shop-A:2026-11-02:E1001", "employeeId": "E1001", "date": "2026-11-02",
           "metrics": { "orders": 3, "visitors": 150, "revenue": 960.0, "repeatOrders": 0, "clicks": 400,
                        "avgResponseSeconds": 41, "csat": 92.5, "dwellSeconds": 35 } }]
        """;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "ingestTallies") return;
        var schema = context.SchemaGenerator.GenerateSchema(typeof(TallyRowDoc[]), context.SchemaRepository);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "1 to 10,000 daily tally rows",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType { Schema = schema, Example = JsonNode.Parse(Example) }
            }
        };
    }
}
