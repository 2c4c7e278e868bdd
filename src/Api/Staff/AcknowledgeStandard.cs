using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Staff;

public static class AcknowledgeStandardEndpoint
{
    public static string EmployeeStream(string employeeId) => StreamKeys.Employee(employeeId);

    public static ProblemDetails Before(Employee? employee, ClaimsPrincipal user) => Scopes.SelfOrStaffWork(employee, user);

    public static ProblemDetails Validate(AcknowledgeStandard body) => Acknowledging.Validate(body).ToProblem();

    public static async Task<(Standard?, Domain.Organisation.Brand?)> LoadAsync(AcknowledgeStandard body, IDocumentSession session, CancellationToken ct) =>
        (await session.LoadAsync<Standard>(StreamKeys.Standard(body.BrandId ?? "", body.PostId ?? ""), ct),
         await session.LoadAsync<Domain.Organisation.Brand>(StreamKeys.Brand(body.BrandId ?? ""), ct));

    /// <summary>
    /// Records that the employee confirmed a standard version (G1): role employee for oneself, or hr
    /// recording a signed paper form on the employee's behalf.
    /// </summary>
    [WolverinePost("/api/employees/{employeeId}/acknowledgements", OperationId = "acknowledgeStandard"), Authorize(Roles = Roles.Acknowledge)]
    [Tags("Employees"), ProducesResponseType<StandardAcknowledged>(200)]
    public static (IResult, Events) Post(AcknowledgeStandard body, [Employee] Employee employee, Standard? standard,
        Domain.Organisation.Brand? brand, ClaimsPrincipal user, TimeProvider clock)
    {
        var onPaper = !user.Scope().Self(employee.Person());
        var actor = onPaper ? user.ActorFor(Roles.Hr, Roles.Admin) : user.ActorFor(Roles.Employee);
        // G1 compares business days: the acknowledgement's own, in its brand's zone.
        return Acknowledging.Decide(employee, standard, body, bySelf: !onPaper, actor, clock.GetUtcNow(), BusinessDates.Today(clock, brand)).ToResponse();
    }
}
