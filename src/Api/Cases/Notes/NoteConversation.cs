using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Cases.Notes;

public static class NoteConversationEndpoint
{
    public static string CaseStream(string caseId) => CaseSubject.Stream(caseId);

    public static ProblemDetails Before(PerformanceCase? performanceCase, ClaimsPrincipal user) => CaseAccess.Work(performanceCase, user);

    public static ProblemDetails Validate(NoteConversation body) => Domain.Cases.Notes.Validate(body).ToProblem();

    /// <summary>Records a conversation with the employee (沟通记录): what was said and the employee's answer.</summary>
    [WolverinePost("/api/cases/{caseId}/notes", OperationId = "noteConversation"), Authorize(Roles = Roles.CaseWork), Tags("Cases")]
    [ProducesResponseType<ConversationNoted>(200)]
    public static (IResult, Events) Post(NoteConversation body, [Case] PerformanceCase @case, ClaimsPrincipal user, TimeProvider clock) =>
        Domain.Cases.Notes.Note(@case, body, user.ActorFor(Roles.Manager, Roles.Hr), clock.GetUtcNow()).ToResponse();
}
