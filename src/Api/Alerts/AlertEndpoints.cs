using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Alerts;
using EventHr.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Alerts;

public static class AlertEndpoints
{
    /// <summary>Changes the threshold (and span: days or months) of one alert kind: cost, performance, attrition or fairness.</summary>
    [WolverinePut("/api/alert-rules/{kind}", OperationId = "setAlertRule"), Authorize(Roles = Roles.MasterData)]
    [Tags("Alerts")]
    public static async Task<IResult> Put(string kind, AlertRule.Input body, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = AlertRule.Validate(kind, body);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        // Leaving out the span keeps the one in force.
        return await MasterDataWrites.Put<AlertRuleBook>(session, AlertRule.StreamKey, current =>
        {
            var inForce = (current ?? AlertRuleBook.Default)[kind];
            var wanted = new AlertRule(kind, body.Threshold!.Value, body.Span ?? inForce.Span);
            return current is not null && inForce == wanted ? null
                : new AlertRuleSet(kind, wanted.Threshold, wanted.Span, user.ActorFor(Roles.Hr, Roles.Admin).UserId, clock.GetUtcNow());
        }, ct);
    }

    [WolverineGet("/api/alert-rules", OperationId = "getAlertRules"), Authorize(Roles = "hr,auditor,admin")]
    [Tags("Alerts")]
    public static async Task<AlertRuleBook> Rules(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<AlertRuleBook>(AlertRule.StreamKey, ct) ?? AlertRuleBook.Default;

    /// <summary>Alerts by kind (cost|performance|attrition|fairness) and status (open|closed), newest first.</summary>
    [WolverineGet("/api/alerts", OperationId = "listAlerts"), Authorize(Roles = "hr,auditor,admin")]
    [Tags("Alerts")]
    public static async Task<IResult> List(string? kind, string? status, IQuerySession session, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (kind is not null && !AlertRule.Defaults.ContainsKey(kind)) errors.Add("kind", "must be cost, performance, attrition or fairness");
        if (status is not (null or "open" or "closed")) errors.Add("status", "must be open or closed");
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        var query = session.Query<Alert>().AsQueryable();
        if (kind is not null) query = query.Where(a => a.Kind == kind);
        if (status is not null) query = query.Where(a => a.Status == status);
        return Results.Ok(await query.OrderByDescending(a => a.OpenedAt).Take(1000).ToListAsync(ct));
    }
}
