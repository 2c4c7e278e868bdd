using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Remedies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Cases.Remedies;

public static class AssignTrainingEndpoint
{
    public static string CaseStream(string caseId) => CaseSubject.Stream(caseId);

    public static ProblemDetails Before(PerformanceCase? performanceCase, ClaimsPrincipal user) => CaseAccess.Work(performanceCase, user);

    public static ProblemDetails Validate(AssignTraining body) => Trainings.Validate(body).ToProblem();

    public static Task<CaseSubject> LoadAsync(PerformanceCase @case, Marten.IDocumentSession session, CancellationToken ct) =>
        CaseSubject.LoadAsync(@case, session, ct);

    /// <summary>
    /// Assigns a course from today on. Naming the metric that failed, it can be the remedy after finding #1 (G5); one
    /// without a metric is support only.
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/trainings", OperationId = "assignTraining"), Authorize(Roles = Roles.CaseWork), Tags("Cases")]
    [ProducesResponseType<TrainingAssigned>(200)]
    public static (IResult, Events) Post(AssignTraining body, [Case] PerformanceCase @case, CaseSubject subject, ClaimsPrincipal user,
        TimeProvider clock) =>
        Trainings.Assign(@case, body, subject.Today(clock), user.ActorFor(Roles.Hr, Roles.Manager), clock.GetUtcNow()).ToResponse();
}
