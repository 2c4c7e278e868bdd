using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Staff;

public static class RecordProtectionEndpoint
{
    public static string EmployeeStream(string employeeId) => StreamKeys.Employee(employeeId);

    /// <summary>HR within its brands; anyone else is answered as for an unknown employee.</summary>
    public static ProblemDetails Before(Employee? employee, ClaimsPrincipal user) => Scopes.StaffWork(employee, user);

    public static ProblemDetails Validate(RecordProtection body) => Protecting.Validate(body).ToProblem();

    /// <summary>
    /// Records a protected status (art. 42): while it covers a date, no art. 40 notice may be served. One that begins
    /// during a notice already served (or before a contract's end) postpones the end until it ends, and the answer says so.
    /// </summary>
    [WolverinePost("/api/employees/{employeeId}/protections", OperationId = "recordProtection"), Authorize(Roles = Roles.MasterData)]
    [Tags("Employees"), ProducesResponseType<ProtectionAnswer>(200)]
    public static (IResult, Events) Post(RecordProtection body, [Employee] Employee employee, ClaimsPrincipal user, TimeProvider clock)
    {
        var decision = Protecting.Decide(employee, body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow());
        if (!decision.IsOk) return (Problems.From(decision.Refusal!), []);
        var postponed = Protecting.Postponement(employee, decision.Value!);
        return (Results.Ok(new ProtectionAnswer(decision.Value!, postponed)), postponed is null ? [decision.Value!] : [decision.Value!, postponed]);
    }
}

/// <summary>The status recorded, and the end of employment it postponed, if any.</summary>
public sealed record ProtectionAnswer(ProtectionRecorded Recorded, EmploymentEndPostponed? EndPostponed);
