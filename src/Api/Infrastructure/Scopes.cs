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

    /// <summary>
    /// Out of scope answers exactly as unknown does (the same status, detail and defaults Wolverine gives a
    /// missing record), so a record's existence is not revealed.
    /// </summary>
    public static ProblemDetails Unknown(string missingMessage, string id) =>
        new() { Status = StatusCodes.Status404NotFound, Detail = missingMessage.Replace("{Id}", id) };
}
