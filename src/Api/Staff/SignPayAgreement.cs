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

    public static ProblemDetails Before(Employee? employee, ClaimsPrincipal user) => Scopes.SelfOrStaffWork(employee, user);

    public static ProblemDetails Validate(SignPayAgreement body) => SigningPay.Validate(body).ToProblem();

    public static Task<Brand?> LoadAsync(Employee? employee, IDocumentSession session, CancellationToken ct) =>
        BusinessDates.BrandOfAsync(employee, session, ct);

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
        return SigningPay.Decide(employee, body, self, BusinessDates.Today(clock, brand), actor, clock.GetUtcNow()).ToResponse();
    }
}
