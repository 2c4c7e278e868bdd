using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Staff;

public static class SeparationEndpoint
{
    /// <summary>Records that an employment ends (resignation, contract end, mutual agreement); tallies after that date are refused.</summary>
    [WolverinePost("/api/employees/{employeeId}/separations", OperationId = "recordSeparation"), Authorize(Roles = Roles.MasterData)]
    [Tags("Employees")]
    public static async Task<IResult> Post(string employeeId, RecordSeparation body, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = Separating.Validate(body);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        var stream = await session.Events.FetchForWriting<Employee>(StreamKeys.Employee(employeeId), ct);
        if (stream.Aggregate is null) return Problems.NotFound($"no employee '{employeeId}'");
        var decision = Separating.Decide(stream.Aggregate, body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow());
        if (!decision.IsOk) return Problems.From(decision.Refusal!);
        stream.AppendOne(decision.Value!);
        await session.SaveChangesAsync(ct);
        return Results.Ok(decision.Value);
    }
}
