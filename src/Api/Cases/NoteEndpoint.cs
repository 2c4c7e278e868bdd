using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Cases;

public static class NoteEndpoint
{
    /// <summary>A conversation record (沟通记录): what was said and the employee's answer.</summary>
    [WolverinePost("/api/cases/{caseId}/notes", OperationId = "noteConversation"), Authorize(Roles = Roles.CaseWork)]
    [Tags("Cases")]
    public static async Task<IResult> Post(string caseId, NoteConversation body, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = Notes.Validate(body);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        return await CaseStreams.Decide(session, caseId,
            loaded => Notes.Note(loaded.Case, body, user.ActorFor(Roles.Manager, Roles.Hr), clock.GetUtcNow()), ct);
    }
}
