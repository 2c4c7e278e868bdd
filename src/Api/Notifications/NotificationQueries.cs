using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Projections.Notifications;
using EventHr.Domain.Cases;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Notifications;

public static class NotificationQueries
{
    /// <summary>Lists what was sent to HR partners and department heads, newest first; a user without a staff role sees their own.</summary>
    [WolverineGet("/api/notifications", OperationId = "listNotifications"), Authorize, ProducesResponseType<IReadOnlyList<EventHr.Projections.Notifications.Notification>>(200)]
    [Tags("Notifications")]
    // An IResult, not the list itself: Wolverine takes a returned collection of Notification documents for
    // cascading work instead of the answer (tried; the list then never reached the client).
    public static async Task<IResult> List(string? recipient, string? caseId, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.Scope();
        var staff = scope.Has(Roles.Hr) || scope.Has(Roles.Admin) || scope.Has(Roles.Auditor);
        var me = user.ActorFor().UserId;
        if (!staff && recipient is not null && recipient != me) return Problems.Forbidden("you may list only your own notifications");
        var who = staff ? recipient : me;
        var query = session.Query<Notification>().AsQueryable();
        if (who is not null) query = query.Where(n => n.Recipient == who);
        if (caseId is not null) query = query.Where(n => n.CaseId == caseId);
        var found = await query.OrderByDescending(n => n.CreatedAt).Take(500).ToListAsync(ct);
        if (!staff || scope.SeesAllBrands) return Results.Ok(found);
        // Brand HR and brand auditors: their own, and those about their brands' staff and departments.
        var ids = found.Where(n => n.EmployeeId is not null).Select(n => StreamKeys.Employee(n.EmployeeId!)).Distinct().ToArray();
        var employeeBrand = (await session.LoadManyAsync<Employee>(ct, ids)).ToDictionary(e => e.EmployeeId, e => e.BrandId);
        var caseIds = found.Where(n => n.EmployeeId is null && n.CaseId is not null).Select(n => PerformanceCase.StreamKey(n.CaseId!)).Distinct().ToArray();
        var caseBrand = (await session.LoadManyAsync<PerformanceCase>(ct, caseIds)).ToDictionary(c => c.CaseId, c => c.BrandId);
        string? BrandOf(Notification n) =>
            n.EmployeeId is { } e ? employeeBrand.GetValueOrDefault(e)
            : n.CaseId is { } c ? caseBrand.GetValueOrDefault(c)
            : scope.Brands.FirstOrDefault(b => n.Id.StartsWith($"daily:{b}:", StringComparison.Ordinal));
        return Results.Ok(found.Where(n => n.Recipient == me || BrandOf(n) is { } brand && scope.Audits(brand)).ToList());
    }
}
