using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Projections.Notifications;
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
    public static async Task<IResult> List(string? recipient, string? caseId, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var staff = user.IsInRole(Roles.Hr) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Auditor);
        var me = user.ActorFor().UserId;
        if (!staff && recipient is not null && recipient != me) return Problems.Forbidden("you may list only your own notifications");
        var who = staff ? recipient : me;
        var query = session.Query<Notification>().AsQueryable();
        if (who is not null) query = query.Where(n => n.Recipient == who);
        if (caseId is not null) query = query.Where(n => n.CaseId == caseId);
        return Results.Ok(await query.OrderByDescending(n => n.CreatedAt).Take(500).ToListAsync(ct));
    }
}
