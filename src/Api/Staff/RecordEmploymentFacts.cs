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

public static class RecordEmploymentFactsEndpoint
{
    public static string EmployeeStream(string employeeId) => StreamKeys.Employee(employeeId);

    /// <summary>HR within its brands; anyone else is answered as for an unknown employee.</summary>
    public static ProblemDetails Before(Employee? employee, ClaimsPrincipal user) => Scopes.StaffWork(employee, user);

    public static ProblemDetails Validate(RecordEmploymentFacts body)
    {
        var errors = new FieldErrors();
        if (body.Facts is null) errors.Add("facts", "is required");
        else errors.Merge(RecordingFacts.Validate(body.Facts, "facts."));
        errors.RequireText(body.Reason, "reason", 500);
        return errors.ToProblem();
    }

    /// <summary>
    /// Records employment facts after hire — a correction, a renewed or changed contract, a birth date or city first
    /// recorded — as a new event; what is left out keeps its value. The whole is checked again (art. 19 probation,
    /// a woman's retirement category); repeating the same facts records nothing.
    /// </summary>
    [WolverinePost("/api/employees/{employeeId}/employment-facts", OperationId = "recordEmploymentFacts"), Authorize(Roles = Roles.MasterData)]
    [Tags("Employees"), ProducesResponseType<EmploymentFactsRecorded>(200)]
    public static (IResult, Events) Post(RecordEmploymentFacts body, [Employee] Employee employee, ClaimsPrincipal user, TimeProvider clock)
    {
        var facts = RecordingFacts.Merge(employee.Facts, body.Facts!, employee.HiredOn);
        var errors = RecordingFacts.Check(facts, employee.HiredOn, "facts.");
        if (!errors.IsEmpty) return (Problems.Invalid(errors, "the employment facts do not hold together"), []);
        if (Same(facts, employee.Facts)) return (Results.Ok(employee.Facts), []);
        var recorded = new EmploymentFactsRecorded(employee.EmployeeId, facts, body.Reason!.Trim(), user.ActorFor(Roles.Hr, Roles.Admin).UserId, clock.GetUtcNow());
        return (Results.Ok(recorded), [recorded]);
    }

    private static bool Same(EmploymentFacts a, EmploymentFacts b) =>
        a with { HiringConditions = null } == b with { HiringConditions = null }
        && (a.HiringConditions ?? []).SequenceEqual(b.HiringConditions ?? []);
}
