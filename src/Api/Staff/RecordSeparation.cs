using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Staff;

public static class RecordSeparationEndpoint
{
    public static string EmployeeStream(string employeeId) => StreamKeys.Employee(employeeId);

    /// <summary>HR within its brands; anyone else is answered as for an unknown employee.</summary>
    public static ProblemDetails Before(Employee? employee, ClaimsPrincipal user) => Scopes.StaffWork(employee, user);

    public static ProblemDetails Validate(RecordSeparation body) => Separating.Validate(body).ToProblem();

    public static async Task<Domain.Law.LawInForce> LoadAsync(Employee? employee, Marten.IDocumentSession session, Cases.CaseSettings settings,
        CancellationToken ct) =>
        employee is null ? Domain.Law.LawInForce.Rules(settings.Law) : await Law.EmployeeLaw.LoadAsync(employee, settings.Law, session, ct);

    /// <summary>
    /// Records that an employment ends (resignation, contract end, mutual agreement); tallies after that date are refused.
    /// A contract's end computes the compensation owed (art. 46(5)) with the figures used, and is refused while an
    /// art. 42 status lasts (art. 45).
    /// </summary>
    [WolverinePost("/api/employees/{employeeId}/separations", OperationId = "recordSeparation"), Authorize(Roles = Roles.MasterData)]
    [Tags("Employees"), ProducesResponseType<EmploymentEnded>(200), Infrastructure.Contract.LegalGuarded]
    public static (IResult, Events) Post(RecordSeparation body, [Employee] Employee employee, Domain.Law.LawInForce law, ClaimsPrincipal user,
        TimeProvider clock) =>
        Separating.Decide(employee, body, law, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()).ToResponse();
}
