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

        var stream = await session.Events.FetchForWriting<Employee>(StreamKeys.Employee(employeeId), ct);
        if (stream.Aggregate is null) return Problems.NotFound($"no employee '{employeeId}'");
        var standard = await session.LoadAsync<Standard>(StreamKeys.Standard(body.BrandId!, body.PostId!), ct);
        var actor = onPaper ? user.ActorFor(Roles.Hr, Roles.Admin) : user.ActorFor(Roles.Employee);
        var decision = Acknowledging.Decide(stream.Aggregate, standard, body, bySelf: !onPaper, actor, clock.GetUtcNow());
        if (!decision.IsOk) return Problems.From(decision.Refusal!);
        stream.AppendOne(decision.Value!);
        await session.SaveChangesAsync(ct);
        return Results.Ok(decision.Value);
    }
}
