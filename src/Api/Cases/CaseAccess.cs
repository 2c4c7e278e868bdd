using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Access;
using EventHr.Domain.Cases;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Cases;

/// <summary>
/// Who may act on a case, checked before any case command: a case outside the caller's scope is
/// answered as an unknown one; an unknown one is left to the 404 that follows.
/// </summary>
public static class CaseAccess
{
    /// <summary>Case work (notes, plans, trainings, the manager's decisions): HR within its brands, the department head.</summary>
    public static ProblemDetails Work(PerformanceCase? c, ClaimsPrincipal user) => Check(c, user, (s, p) => s.WorksOn(p));

    /// <summary>HR's decisions (reassignment, pay change, termination): HR within its brands.</summary>
    public static ProblemDetails HrWork(PerformanceCase? c, ClaimsPrincipal user) => Check(c, user, (s, p) => s.ManagesStaffOf(p.BrandId));

    /// <summary>Acknowledging a plan: the employee themself, or HR within its brands recording a witnessed refusal.</summary>
    public static ProblemDetails Acknowledge(PerformanceCase? c, ClaimsPrincipal user) =>
        Check(c, user, (s, p) => s.Self(p) || s.ManagesStaffOf(p.BrandId));

    private static ProblemDetails Check(PerformanceCase? c, ClaimsPrincipal user, Func<Scope, Person, bool> allowed) =>
        c is null || allowed(user.Scope(), c.Person()) ? WolverineContinue.NoProblems : Scopes.Unknown(CaseAttribute.Missing, c.Id);
}
