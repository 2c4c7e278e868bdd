using System.Security.Claims;
using EventHr.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Dashboard;

/// <param name="View">where the dashboard lands: group (HR, admin), department (a department head), employee, audit (an auditor)</param>
/// <param name="Today">the business day by the API's clock (settable in Development and Test), in the zone of the caller's brand when it names one</param>
public sealed record Me(string UserId, IReadOnlyList<string> Roles, IReadOnlyList<string> Brands, string? Department, string? EmployeeId,
    string View, DateOnly Today, DateTimeOffset Now);

public static class MeEndpoint
{
    /// <summary>
    /// Says who the token is for: its user, roles and scopes, the view the dashboard opens with, and today's business
    /// date by the API's clock (a page never trusts the browser's date: tests and demos set the API's).
    /// </summary>
    [WolverineGet("/api/me", OperationId = "me"), Authorize, Tags("Dashboard")]
    public static async Task<Me> Get(ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var scope = user.Scope();
        var brands = scope.Brands.Order().ToList();
        var view = scope.Has(Roles.Hr) || scope.Has(Roles.Admin) ? "group"
            : scope.Has(Roles.Manager) ? "department"
            : scope.Has(Roles.Auditor) ? "audit"
            : "employee";
        return new Me(user.FindFirst("sub")!.Value, scope.Roles.Order().ToList(), brands, scope.Department, scope.EmployeeId, view,
            await BusinessDates.TodayForAsync(user, session, clock, ct), clock.GetUtcNow());
    }
}
