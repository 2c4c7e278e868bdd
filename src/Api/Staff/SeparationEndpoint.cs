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
        return await EmployeeStreams.Decide(session, employeeId,
            employee => Task.FromResult(Separating.Decide(employee, body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow())), ct);
    }
}
