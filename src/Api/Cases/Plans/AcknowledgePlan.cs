using System.Security.Claims;
using EventHr.Api.Cases.Assessment;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Common;
using EventHr.Domain.Standards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Cases.Plans;

public static class AcknowledgePlanEndpoint
{
    public static string CaseStream(string caseId) => CaseSubject.Stream(caseId);

    /// <summary>The employee acknowledges their own plan; HR within its brands (or admin) records a witnessed refusal instead.</summary>
    public static ProblemDetails Before(PerformanceCase? performanceCase, ClaimsPrincipal user) => CaseAccess.Acknowledge(performanceCase, user);

    /// <summary>The employee, and the standard of the post held when the plan starts (G1 asks that it was acknowledged).</summary>
    public static async Task<(CaseSubject, Standard?)> LoadAsync(PerformanceCase @case, IDocumentSession session, CancellationToken ct)
    {
        var subject = await CaseSubject.LoadAsync(@case, session, ct);
        if (@case.Plan is not { } plan) return (subject, null);
        return (subject, await session.LoadAsync<Standard>(StreamKeys.Standard(subject.Employee.BrandId, subject.Employee.PostOn(plan.From)), ct));
    }

    /// <summary>
    /// Puts the plan into effect: the employee acknowledges it (role employee), or HR records a witnessed
    /// refusal (role hr, with <c>witness</c>). Refused (422) unless the standard in force was acknowledged
    /// (G1). The plan's deadline timer is booked with it.
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/pip/acknowledgement", OperationId = "acknowledgePip"), Authorize(Roles = Roles.Acknowledge), Tags("Cases")]
    [ProducesResponseType<PipAcknowledged>(200), Infrastructure.Contract.LegalGuarded]
    public static (IResult, Events, OutgoingMessages) Post(AcknowledgePip? body, [Case] PerformanceCase @case, CaseSubject subject,
        Standard? standard, ClaimsPrincipal user, TimeProvider clock, CaseSettings settings)
    {
        var bySelf = BySelf(user, @case);
        var now = clock.GetUtcNow();
        var decision = PlanDecisions.Acknowledge(@case, subject.Employee, standard, body ?? new AcknowledgePip(null), bySelf, subject.Today(clock),
            bySelf ? user.ActorFor(Roles.Employee) : user.ActorFor(Roles.Hr, Roles.Admin), now);
        if (!decision.IsOk) return (Problems.From(decision.Refusal!), [], []);
        var acknowledged = decision.Value!;
        return (Results.Ok(acknowledged), [acknowledged], [PlanDeadline.For(@case.Apply(acknowledged), subject.TimeZone, settings.NoDataGrace, clock)]);
    }

    private static bool BySelf(ClaimsPrincipal user, PerformanceCase @case) =>
        user.IsInRole(Roles.Employee) && user.EmployeeIdClaim() == @case.EmployeeId;
}
