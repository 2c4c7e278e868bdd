using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Remedies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Cases.Remedies;

public static class CompleteTrainingEndpoint
{
    public static string CaseStream(string caseId) => CaseSubject.Stream(caseId);

    public static ProblemDetails Before(PerformanceCase? performanceCase, ClaimsPrincipal user) => CaseAccess.Work(performanceCase, user);

    public static Task<CaseSubject> LoadAsync(PerformanceCase @case, IDocumentSession session, CancellationToken ct) =>
        CaseSubject.LoadAsync(@case, session, ct);

    /// <summary>Records that assigned training number <c>n</c> was completed (default: today in the brand's zone).</summary>
    [WolverinePost("/api/cases/{caseId}/trainings/{n}/completion", OperationId = "completeTraining"), Authorize(Roles = Roles.CaseWork), Tags("Cases")]
    [ProducesResponseType<TrainingCompleted>(200)]
    public static (IResult, Events) Post(int n, CompleteTraining? body, [Case] PerformanceCase @case, CaseSubject subject, ClaimsPrincipal user,
        TimeProvider clock) =>
        Trainings.Complete(@case, n, body ?? new CompleteTraining(null), subject.Today(clock), user.ActorFor(Roles.Hr, Roles.Manager),
            clock.GetUtcNow()).ToResponse();
}
