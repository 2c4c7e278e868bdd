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

    public static ProblemDetails Before(string employeeId, ClaimsPrincipal user) =>
        Access.MaySee(user, employeeId) ? WolverineContinue.NoProblems : Responses.Forbidden("you may read only your own profile");

    /// <summary>Reads an employee's profile: contract, post, salary history, acknowledged standards and protected statuses.</summary>
    [WolverineGet("/api/employees/{employeeId}", OperationId = "getEmployee"), Authorize, Tags("Employees")]
    public static Employee Get([Entity(FromMethod = nameof(Document), OnMissing = OnMissing.ProblemDetailsWith404,
        MissingMessage = "There is no employee with the document id {Id}.")] Employee employee) => employee;
}

/// <summary>Who may read an employee's data: staff roles, or the employee themself.</summary>
public static class Access
{
    public static bool MaySee(ClaimsPrincipal user, string employeeId) =>
        user.IsInRole(Roles.Hr) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Admin)
        || (user.IsInRole(Roles.Employee) && user.EmployeeIdClaim() == employeeId);
}
