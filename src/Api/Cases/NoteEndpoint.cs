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
        var (loaded, problem) = await CaseStreams.Load(session, caseId, ct);
        if (loaded is null) return problem!;
        var decision = Notes.Note(loaded.Case, body, user.ActorFor(Roles.Manager, Roles.Hr), clock.GetUtcNow());
        if (!decision.IsOk) return Problems.From(decision.Refusal!);
        loaded.Stream.AppendOne(decision.Value!);
        await session.SaveChangesAsync(ct);
        return Results.Ok(decision.Value);
    }
}
