using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Staff;

public static class RecordSeparationEndpoint
{
    public static string EmployeeStream(string employeeId) => StreamKeys.Employee(employeeId);

    /// <summary>HR within its brands; anyone else is answered as for an unknown employee.</summary>
    public static ProblemDetails Before(Employee? employee, ClaimsPrincipal user) => Scopes.StaffWork(employee, user);

    public static ProblemDetails Validate(RecordSeparation body) => Separating.Validate(body).ToProblem();

    /// <summary>Records that an employment ends (resignation, contract end, mutual agreement); tallies after that date are refused.</summary>
    [WolverinePost("/api/employees/{employeeId}/separations", OperationId = "recordSeparation"), Authorize(Roles = Roles.MasterData)]
    [Tags("Employees"), ProducesResponseType<EmploymentEnded>(200)]
    public static (IResult, Events) Post(RecordSeparation body, [Employee] Employee employee, ClaimsPrincipal user, TimeProvider clock) =>
        Separating.Decide(employee, body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()).ToResponse();
}
