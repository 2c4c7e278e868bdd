using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Persistence;

namespace EventHr.Api.Staff;

public static class EmployeeQueries
{
    public static string Document(string employeeId) => StreamKeys.Employee(employeeId);

    /// <summary>Someone outside the caller's scope is answered as an unknown one (an unknown one is left to the 404 that follows).</summary>
    public static ProblemDetails Before(Employee? employee, ClaimsPrincipal user) =>
        employee is null || user.Scope().Sees(employee.Person()) ? WolverineContinue.NoProblems : Scopes.Unknown(EmployeeAttribute.Missing, employee.Id);

    /// <summary>Reads an employee's profile: contract, post and acknowledged standards; salary history and the kinds of protected statuses for those who may see them.</summary>
    [WolverineGet("/api/employees/{employeeId}", OperationId = "getEmployee"), Authorize, Tags("Employees")]
    public static EmployeeProfile Get([Entity(FromMethod = nameof(Document), OnMissing = OnMissing.ProblemDetailsWith404,
        MissingMessage = EmployeeAttribute.Missing)] Employee employee, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        AccessLog.Record(session, user, employee.Person(), "profile: salary history and protected statuses", clock.GetUtcNow());
        return EmployeeProfile.Of(employee, user.Scope().SeesSensitive(employee.Person()));
    }
}
