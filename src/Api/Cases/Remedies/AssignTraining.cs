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

    /// <summary>Assigns a course; mapped to a failing metric it can be the remedy after finding #1 (G5).</summary>
    [WolverinePost("/api/cases/{caseId}/trainings", OperationId = "assignTraining"), Authorize(Roles = Roles.CaseWork), Tags("Cases")]
    [ProducesResponseType<TrainingAssigned>(200)]
    public static (IResult, Events) Post(AssignTraining body, [Case] PerformanceCase @case, ClaimsPrincipal user, TimeProvider clock) =>
        Trainings.Assign(@case, body, user.ActorFor(Roles.Hr, Roles.Manager), clock.GetUtcNow()).ToResponse();
}
