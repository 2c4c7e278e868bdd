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
        return await EmployeeStreams.Decide(session, employeeId, employee =>
            Task.FromResult(Result<ProtectionRecorded>.Ok(Protecting.Decide(employee, body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()))), ct);
    }
}
