using System.Security.Claims;
using EventHr.Domain.Access;
using EventHr.Domain.Cases;
using EventHr.Domain.Staff;
using Microsoft.AspNetCore.Mvc;

namespace EventHr.Api.Infrastructure;

/// <summary>The caller's scope from their token's claims, and the answer for a record outside it.</summary>
public static class Scopes
{
    public static Scope Scope(this ClaimsPrincipal user) => new(
        user.FindAll("role").Select(c => c.Value).ToHashSet(),
        // An empty brand value stays in the set: it matches no brand, and never widens a token to the whole group.
        user.FindAll("brand").Select(c => c.Value).ToHashSet(),
        user.FindFirst("department")?.Value,
        user.FindFirst("employeeId")?.Value);

    public static Person Person(this Employee e) => new(e.EmployeeId, e.BrandId, e.Department);
    public static Person Person(this PerformanceCase c) => new(c.EmployeeId, c.BrandId, c.Department);

    /// <summary>HR's staff records of an employee (protections, separations): HR within its brands; anyone else hears of an unknown employee.</summary>
    public static ProblemDetails StaffWork(Employee? employee, ClaimsPrincipal user) =>
        employee is null || user.Scope().ManagesStaffOf(employee.BrandId) ? Wolverine.Http.WolverineContinue.NoProblems
            : Unknown(Staff.EmployeeAttribute.Missing, employee.Id);

    /// <summary>
    /// What the employee signs or confirms (a standard, the hiring conditions, a pay agreement): the employee themself,
    /// or HR within its brands recording a signed paper; anyone else hears of an unknown employee.
    /// </summary>
    public static ProblemDetails SelfOrStaffWork(Employee? employee, ClaimsPrincipal user) =>
        employee is null || user.Scope() is var scope && (scope.Self(employee.Person()) || scope.ManagesStaffOf(employee.BrandId))
            ? Wolverine.Http.WolverineContinue.NoProblems : Unknown(Staff.EmployeeAttribute.Missing, employee.Id);

    /// <summary>Master data of the whole group (posts, alert rules, notification channels, the day's report run): group HR and admin only.</summary>
    public static ProblemDetails GroupOnly(ClaimsPrincipal user, string what) =>
        user.Scope().SeesAllBrands ? Wolverine.Http.WolverineContinue.NoProblems
            : Responses.Forbidden($"{what} are the whole group's: a brand-scoped token cannot change them");

    /// <summary>
    /// Out of scope answers exactly as unknown does (the same status, detail and defaults Wolverine gives a
    /// missing record), so a record's existence is not revealed.
    /// </summary>
    public static ProblemDetails Unknown(string missingMessage, string id) =>
        new() { Status = StatusCodes.Status404NotFound, Detail = missingMessage.Replace("{Id}", id) };
}
