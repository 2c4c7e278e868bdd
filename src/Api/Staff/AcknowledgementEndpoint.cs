using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Staff;

public static class AcknowledgementEndpoint
{
    /// <summary>
    /// The employee confirms a standard version (G1). Role employee for oneself; hr records a signed
    /// paper form on the employee's behalf.
    /// </summary>
    [WolverinePost("/api/employees/{employeeId}/acknowledgements", OperationId = "acknowledgeStandard"), Authorize(Roles = Roles.Acknowledge)]
    [Tags("Employees")]
    public static async Task<IResult> Post(string employeeId, AcknowledgeStandard body, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var onPaper = user.IsInRole(Roles.Hr) || user.IsInRole(Roles.Admin);
        if (!onPaper && user.EmployeeIdClaim() != employeeId)
            return Problems.Forbidden("an employee may acknowledge standards only for themself");
        var errors = Acknowledging.Validate(body);
        if (!errors.IsEmpty) return Problems.Invalid(errors);

        var actor = onPaper ? user.ActorFor(Roles.Hr, Roles.Admin) : user.ActorFor(Roles.Employee);
        return await EmployeeStreams.Decide(session, employeeId, async employee =>
        {
            var standard = await session.LoadAsync<Standard>(StreamKeys.Standard(body.BrandId!, body.PostId!), ct);
            return Acknowledging.Decide(employee, standard, body, bySelf: !onPaper, actor, clock.GetUtcNow());
        }, ct);
    }
}
