using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Alerts;
using EventHr.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Marten;
using Wolverine.Http;

namespace EventHr.Api.Alerts;

public static class SetAlertRuleEndpoint
{
    public static string Stream() => AlertRule.StreamKey;

    /// <summary>Alert rules are the whole group's: group HR and admin change them, brand HR may not.</summary>
    public static ProblemDetails Before(ClaimsPrincipal user) => Scopes.GroupOnly(user, "Alert rules");

    public static ProblemDetails Validate(string kind, AlertRule.Input body) => AlertRule.Validate(kind, body).ToProblem();

    /// <summary>Changes the threshold (and span: days or months) of one alert kind: cost, performance, attrition or fairness.</summary>
    [WolverinePut("/api/alert-rules/{kind}", OperationId = "setAlertRule"), Authorize(Roles = Roles.MasterData), Tags("Alerts")]
    [ProducesResponseType<AlertRuleBook>(200)]
    public static (IResult, Events) Put(string kind, AlertRule.Input body,
        [WriteAggregate(FromMethod = nameof(Stream), Required = false)] AlertRuleBook? book, ClaimsPrincipal user, TimeProvider clock)
    {
        // Leaving out the span keeps the one in force.
        var inForce = (book ?? AlertRuleBook.Default)[kind];
        var wanted = new AlertRule(kind, body.Threshold!.Value, body.Span ?? inForce.Span);
        var change = book is not null && inForce == wanted ? null
            : new AlertRuleSet(kind, wanted.Threshold, wanted.Span, user.ActorFor(Roles.Hr, Roles.Admin).UserId, clock.GetUtcNow());
        return Responses.Revision(book, change);
    }
}

public static class AlertQueries
{
    /// <summary>Reads the alert rules in force: each kind's threshold and span.</summary>
    [WolverineGet("/api/alert-rules", OperationId = "getAlertRules"), Authorize(Roles = "hr,auditor,admin")]
    [Tags("Alerts")]
    public static async Task<AlertRuleBook> Rules(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<AlertRuleBook>(AlertRule.StreamKey, ct) ?? AlertRuleBook.Default;
}

public static class ListAlertsEndpoint
{
    /// <summary>Lists alerts by kind (cost, performance, attrition or fairness) and status (open or closed), newest first.</summary>
    [WolverineGet("/api/alerts", OperationId = "listAlerts"), Authorize(Roles = "hr,auditor,admin"), ProducesResponseType<IReadOnlyList<Alert>>(200)]
    [Tags("Alerts")]
    public static async Task<IReadOnlyList<Alert>> List(string? kind, string? status, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = session.Query<Alert>().AsQueryable();
        if (kind is not null) query = query.Where(a => a.Kind == kind);
        if (status is not null) query = query.Where(a => a.Status == status);
        var alerts = await query.OrderByDescending(a => a.OpenedAt).Take(1000).ToListAsync(ct);
        var scope = user.Scope();
        if (scope.SeesAllBrands) return alerts;
        // Brand HR and brand auditors: the alerts about their brands' posts and staff (a region spans brands: group HQ's).
        var employees = alerts.Where(a => a.Kind == AlertRule.Performance).Select(a => StreamKeys.Employee(a.Subject)).Distinct().ToArray();
        var brandOf = (await session.LoadManyAsync<Domain.Staff.Employee>(ct, employees)).ToDictionary(e => e.EmployeeId, e => e.BrandId);
        return alerts.Where(a => a.Kind switch
        {
            AlertRule.Cost or AlertRule.Fairness => scope.Brands.Any(b => a.Subject.StartsWith($"{b}/", StringComparison.Ordinal)),
            AlertRule.Performance => brandOf.TryGetValue(a.Subject, out var brand) && scope.Audits(brand),
            _ => false
        }).ToList();
    }

    public static ProblemDetails Validate(string? kind, string? status)
    {
        var errors = new FieldErrors();
        if (kind is not null && !AlertRule.Defaults.ContainsKey(kind)) errors.Add("kind", "must be cost, performance, attrition or fairness");
        if (status is not (null or "open" or "closed")) errors.Add("status", "must be open or closed");
        return errors.ToProblem();
    }
}
