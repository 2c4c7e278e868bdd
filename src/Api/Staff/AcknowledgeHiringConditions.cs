using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using EventHr.Domain.Staff.Employment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Staff;

public static class AcknowledgeHiringConditionsEndpoint
{
    public static string EmployeeStream(string employeeId) => StreamKeys.Employee(employeeId);

    public static ProblemDetails Before(Employee? employee, ClaimsPrincipal user) => Scopes.SelfOrStaffWork(employee, user);

    public static Task<Domain.Organisation.Brand?> LoadAsync(Employee? employee, Marten.IDocumentSession session, CancellationToken ct) =>
        BusinessDates.BrandOfAsync(employee, session, ct);

    /// <summary>
    /// Records that the employee confirmed the hiring conditions communicated at hire (art. 8, 21): without it a
    /// dismissal in probation (art. 39(1)) is refused. Once is enough; 409 when there are none or it was recorded.
    /// </summary>
    [WolverinePost("/api/employees/{employeeId}/hiring-conditions/acknowledgement", OperationId = "acknowledgeHiringConditions")]
    [Authorize(Roles = Roles.Acknowledge), Tags("Employees"), ProducesResponseType<HiringConditionsAcknowledged>(200)]
    public static (IResult, Events) Post([Employee] Employee employee, Domain.Organisation.Brand? brand, ClaimsPrincipal user, TimeProvider clock)
    {
        if (employee.Facts.HiringConditions is not { Count: > 0 })
            return (Problems.Conflict($"{employee.EmployeeId} has no hiring conditions on record to acknowledge"), []);
        if (employee.HiringConditionsAcknowledgedAt is { } at)
            return (Problems.Conflict($"{employee.EmployeeId} acknowledged the hiring conditions on {at:yyyy-MM-dd}"), []);
        var self = user.Scope().Self(employee.Person());
        var actor = self ? user.ActorFor(Roles.Employee) : user.ActorFor(Roles.Hr, Roles.Admin);
        var acknowledged = new HiringConditionsAcknowledged(employee.EmployeeId, self ? "self" : "paper", actor.UserId, clock.GetUtcNow(),
            BusinessDates.Today(clock, brand));
        return (Results.Ok(acknowledged), [acknowledged]);
    }
}
