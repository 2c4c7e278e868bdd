using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases.Remedies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Cases;

public static class TrainingEndpoints
{
    /// <summary>Assigns a course; mapped to a failing metric it can be the remedy after finding #1 (G5).</summary>
    [WolverinePost("/api/cases/{caseId}/trainings", OperationId = "assignTraining"), Authorize(Roles = Roles.CaseWork)]
    [Tags("Cases")]
    public static async Task<IResult> Assign(string caseId, AssignTraining body, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = Trainings.Validate(body);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        return await CaseStreams.Decide(session, caseId,
            loaded => Trainings.Assign(loaded.Case, body, user.ActorFor(Roles.Hr, Roles.Manager), clock.GetUtcNow()), ct);
    }

    [WolverinePost("/api/cases/{caseId}/trainings/{n}/completion", OperationId = "completeTraining"), Authorize(Roles = Roles.CaseWork)]
    [Tags("Cases")]
    public static async Task<IResult> Complete(string caseId, int n, CompleteTraining? body, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        return await CaseStreams.Decide(session, caseId, loaded => Trainings.Complete(loaded.Case, n, body ?? new CompleteTraining(null),
            BusinessDates.Today(clock), user.ActorFor(Roles.Hr, Roles.Manager), clock.GetUtcNow()), ct);
    }
}
