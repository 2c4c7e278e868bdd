using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Staff;

public static class SignPayAgreementEndpoint
{
    public static string EmployeeStream(string employeeId) => StreamKeys.Employee(employeeId);

    /// <summary>The employee themself, or HR within its brands recording a signed paper; anyone else is answered as for an unknown employee.</summary>
    public static ProblemDetails Before(Employee? employee, ClaimsPrincipal user) =>
        employee is null || user.Scope() is var scope && (scope.Self(employee.Person()) || scope.ManagesStaffOf(employee.BrandId))
            ? WolverineContinue.NoProblems : Scopes.Unknown(EmployeeAttribute.Missing, employee.Id);

    public static ProblemDetails Validate(SignPayAgreement body) => SigningPay.Validate(body).ToProblem();

    public static async Task<Brand?> LoadAsync(Employee? employee, IDocumentSession session, CancellationToken ct) =>
        employee is null ? null : await session.LoadAsync<Brand>(StreamKeys.Brand(employee.BrandId), ct);

    /// <summary>
    /// Records a written agreement to a new monthly wage (art. 35): signed here by the employee, or a signed paper HR
    /// records with its signing day. A pay cut by agreement names its reference; a reference with no record proves nothing.
    /// </summary>
    [WolverinePost("/api/employees/{employeeId}/pay-agreements", OperationId = "signPayAgreement"), Authorize(Roles = Roles.Acknowledge)]
    [Tags("Employees"), ProducesResponseType<PayAgreementSigned>(200)]
    public static (IResult, Events) Post(SignPayAgreement body, [Employee] Employee employee, Brand? brand, ClaimsPrincipal user, TimeProvider clock)
    {
        var self = user.Scope().Self(employee.Person());
        var actor = self ? user.ActorFor(Roles.Employee) : user.ActorFor(Roles.Hr, Roles.Admin);
        var today = BusinessDates.Today(clock, brand?.TimeZone ?? Brand.DefaultTimeZone);
        return SigningPay.Decide(employee, body, self, today, actor, clock.GetUtcNow()).ToResponse();
    }
}
