using System.Text.Json.Nodes;
using EventHr.Api.Organisation;
using EventHr.Api.Standards;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Cases.Remedies;
using EventHr.Domain.Staff;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace EventHr.Api.Infrastructure.Contract;

/// <summary>Example bodies shown in Swagger UI, taken from the founding article's operations hire.</summary>
public sealed class RequestExamples : ISchemaFilter
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(BrandRequest)] = """{ "name": "云裳 Yunshang", "tier": "mid", "timeZone": "Asia/Shanghai" }""",
        [typeof(PostRequest)] = """{ "name": "运营 Operations", "family": "ops", "payBand": { "min": 7000, "max": 12000 }, "compatiblePosts": ["cs"] }""",
        [typeof(StandardRequest)] = """{ "effectiveFrom": "2026-11-01", "publishedOn": "2026-10-25", "metrics": { "orders": { "target": 10, "direction": "atLeast" }, "conversionRate": { "target": 0.05, "direction": "atLeast" } } }""",
        [typeof(HireEmployee)] = """{ "employeeId": "E1001", "name": "王小明", "brandId": "yunshang", "region": "east", "department": "ops-east", "postId": "ops", "managerId": "M01", "hrId": "hr-li", "hiredOn": "2026-11-01", "monthlySalary": 10000, "contract": { "payAdjustableWithPost": true, "monthlySalaryFloor": 6000 } }""",
        [typeof(AcknowledgeStandard)] = """{ "brandId": "yunshang", "postId": "ops", "standardVersion": 1 }""",
        [typeof(RecordProtection)] = """{ "kind": "pregnancy", "from": "2026-12-01", "to": null }""",
        [typeof(RecordSeparation)] = """{ "kind": "resignation", "date": "2026-12-31", "reason": "个人原因 personal reasons" }""",
        [typeof(EventHr.Domain.Notifications.DefineWebhookChannel)] = """{ "url": "https://oapi.dingtalk.com/robot/send?access_token=...", "format": "dingtalk", "recipients": ["M01"], "departments": ["ops-east"] }""",
        [typeof(EventHr.Domain.Alerts.AlertRule.Input)] = """{ "threshold": 0.30, "span": 1 }""",
        [typeof(NoteConversation)] = """{ "text": "约谈：连续三天订单偏低，了解原因", "employeeResponse": "对产品卖点不熟悉" }""",
        [typeof(SetPip)] = """{ "targets": { "orders": 5 }, "from": "2026-11-05", "until": "2026-11-18", "support": ["推广技巧 Promotion technique"] }""",
        [typeof(AcknowledgePip)] = """{ "witness": null }""",
        [typeof(AssignTraining)] = """{ "course": "推广技巧 Promotion technique", "scheduledOn": "2026-11-20", "metric": "orders" }""",
        [typeof(CompleteTraining)] = """{ "completedOn": "2026-11-21" }""",
        [typeof(DecideCase)] = """{ "kind": "reassign", "reason": "调岗至客服 a post that fits", "toPostId": "cs", "newMonthlySalary": 8000, "consentRef": "AGR-2026-001", "effectiveOn": "2026-11-22" }""",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        // Example (singular) is what OpenAPI 3.0 documents carry and Swagger UI shows as the body to try.
#pragma warning disable CS0618
        if (schema is OpenApiSchema s && Examples.TryGetValue(context.Type, out var json)) s.Example = JsonNode.Parse(json);
#pragma warning restore CS0618
    }
}
