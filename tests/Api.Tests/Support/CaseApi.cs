using System.Text.Json.Nodes;

namespace EventHr.Api.Tests.Support;

/// <summary>Scenario helpers for performance cases: the weak operations hire walked day by day.</summary>
public sealed class CaseApi(TestApi api)
{
    public string EmployeeToken(string employee) => Tokens.For($"u-{employee}", "employee", employee);

    /// <summary>One batch a day, as a shop system sends its daily feed.</summary>
    public async Task Tally(string employee, string date, int orders, int clicks = 400, int visitors = 150) =>
        await api.PostTallies(new[]
        {
            new { sourceId = $"{api.Run}:{employee}:{date}", employeeId = employee, date,
                  metrics = new { orders, visitors, revenue = orders * 95m, clicks } }
        });

    public async Task TallyDays(string employee, DateOnly from, params int[] orders)
    {
        for (var i = 0; i < orders.Length; i++) await Tally(employee, from.AddDays(i).ToString("yyyy-MM-dd"), orders[i]);
    }

    public async Task<JsonNode> Case(string caseId) => await api.Ok(HttpMethod.Get, $"/api/cases/{caseId}");

    /// <summary>The case, or null while it does not exist yet.</summary>
    public async Task<JsonNode?> TryCase(string caseId)
    {
        var r = await api.Send(HttpMethod.Get, $"/api/cases/{caseId}");
        return r.IsSuccessStatusCode ? JsonNode.Parse(await r.Content.ReadAsStringAsync()) : null;
    }

    public async Task<JsonNode> WaitForCase(string caseId, string status) =>
        (await Eventually.Get(() => TryCase(caseId), c => c?["status"]?.GetValue<string>() == status, $"case {caseId} to be {status}"))!;

    public async Task<JsonArray> Notifications(string recipient) =>
        (await api.Ok(HttpMethod.Get, $"/api/notifications?recipient={recipient}")).AsArray();

    public async Task<HttpResponseMessage> Decide(string caseId, object body, string? token = null) =>
        await api.Send(HttpMethod.Post, $"/api/cases/{caseId}/decisions", body, token);

    public async Task AcknowledgeStandard(string employee, string brand, string post, int version) =>
        await api.Ok(HttpMethod.Post, $"/api/employees/{employee}/acknowledgements",
            new { brandId = brand, postId = post, standardVersion = version }, EmployeeToken(employee));

    public async Task AcknowledgePlan(string caseId, string employee) =>
        await api.Ok(HttpMethod.Post, $"/api/cases/{caseId}/pip/acknowledgement", new { }, EmployeeToken(employee));

    public async Task SetPlan(string caseId, object targets, string from, string until) =>
        await api.Ok(HttpMethod.Post, $"/api/cases/{caseId}/pip", new { targets, from, until, support = Array.Empty<string>() });
}
