using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Common;
using EventHr.Domain.Standards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Cases.Plans;

public static class SetPlanEndpoint
{
    public static string CaseStream(string caseId) => CaseSubject.Stream(caseId);

    public static ProblemDetails Before(PerformanceCase? performanceCase, ClaimsPrincipal user) => CaseAccess.Work(performanceCase, user);

    public static ProblemDetails Validate(SetPip body) => PlanDecisions.Validate(body).ToProblem();

    /// <summary>The employee, and the standard of the post held on the plan's first day (its targets are judged against it).</summary>
    public static async Task<(CaseSubject, Standard?)> LoadAsync(SetPip body, PerformanceCase @case, IDocumentSession session, CancellationToken ct)
    {
        var subject = await CaseSubject.LoadAsync(@case, session, ct);
        // Loads run before Validate: a body without a start date is refused there, with nothing to look up here.
        if (body.From is not { } from) return (subject, null);
        return (subject, await session.LoadAsync<Standard>(StreamKeys.Standard(subject.Employee.BrandId, subject.Employee.PostOn(from)), ct));
    }

    /// <summary>Sets the improvement plan: accepts or amends the drafted one, or sets the second assessment after a remedy.</summary>
    [WolverinePost("/api/cases/{caseId}/pip", OperationId = "setPip"), Authorize(Roles = Roles.CaseWork), Tags("Cases")]
    [ProducesResponseType<PipSet>(200), Infrastructure.Contract.LegalGuarded]
    public static (IResult, Events) Post(SetPip body, [Case] PerformanceCase @case, CaseSubject subject, Standard? standard,
        ClaimsPrincipal user, TimeProvider clock, CaseSettings settings) =>
        PlanDecisions.Set(@case, subject.Employee, standard, body, settings.Law, subject.Today(clock), user.ActorFor(Roles.Hr, Roles.Manager),
            clock.GetUtcNow()).ToResponse();
}
