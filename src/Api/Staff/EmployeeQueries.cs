using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Staff;

public static class EmployeeQueries
{
    /// <summary>Reads an employee's profile: contract, post, salary history, acknowledged standards and protected statuses.</summary>
    [WolverineGet("/api/employees/{employeeId}", OperationId = "getEmployee"), Authorize, ProducesResponseType<Employee>(200)]
    [Tags("Employees")]
    public static async Task<IResult> Get(string employeeId, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Access.MaySee(user, employeeId)) return Problems.Forbidden("you may read only your own profile");
        return await session.LoadAsync<Employee>(StreamKeys.Employee(employeeId), ct) is { } employee
            ? Results.Ok(employee) : Problems.NotFound($"no employee '{employeeId}'");
    }
}

/// <summary>Who may read an employee's data: staff roles, or the employee themself.</summary>
public static class Access
{
    public static bool MaySee(ClaimsPrincipal user, string employeeId) =>
        user.IsInRole(Roles.Hr) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Admin)
        || (user.IsInRole(Roles.Employee) && user.EmployeeIdClaim() == employeeId);
}
