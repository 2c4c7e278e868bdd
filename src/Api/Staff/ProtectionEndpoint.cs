using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Staff;

public static class ProtectionEndpoint
{
    /// <summary>Records a protected status (Art. 42): while it covers a date, no Art. 40 notice may be served.</summary>
    [WolverinePost("/api/employees/{employeeId}/protections", OperationId = "recordProtection"), Authorize(Roles = Roles.MasterData)]
    [Tags("Employees")]
    public static async Task<IResult> Post(string employeeId, RecordProtection body, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = Protecting.Validate(body);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        var stream = await session.Events.FetchForWriting<Employee>(StreamKeys.Employee(employeeId), ct);
        if (stream.Aggregate is null) return Problems.NotFound($"no employee '{employeeId}'");
        var recorded = Protecting.Decide(stream.Aggregate, body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow());
        stream.AppendOne(recorded);
        await session.SaveChangesAsync(ct);
        return Results.Ok(recorded);
    }
}
