using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Persistence;

namespace EventHr.Api.Cases.Queries;

public sealed record TimelineEntry(long Version, string Type, DateTimeOffset At, string? By, object Data);

public sealed record CaseView(PerformanceCase Case, string Status, DateOnly? NextDueDate, IReadOnlyList<TimelineEntry> Timeline);

public sealed record CaseSummary(string CaseId, string EmployeeId, string Department, string Status, DateOnly OpenedOn, DateOnly? NextDueDate,
    string? Outcome);

/// <summary>The status names of the public contract.</summary>
public static class CaseStatuses
{
    public static string Of(PerformanceCase c) => c.Status switch
    {
        CaseStatus.PlanPending => "plan-pending",
        CaseStatus.PlanActive => "plan-active",
        CaseStatus.AwaitingDecision => "awaiting-decision",
        CaseStatus.RemedyRequired => "remedy-required",
        CaseStatus.TerminationPossible => "termination-possible",
        _ => "closed"
    };
}

public static class ListCasesEndpoint
{
    public static ProblemDetails Validate(string? status) =>
        status is null or "open" or "closed" ? WolverineContinue.NoProblems
            : new FieldErrors().Add("status", "must be open or closed").ToProblem();

    /// <summary>Lists cases by status (open or closed), employee or department, oldest first.</summary>
    [WolverineGet("/api/cases", OperationId = "listCases"), Authorize(Roles = Roles.ReadStaff), Tags("Cases")]
    public static async Task<IReadOnlyList<CaseSummary>> List(string? status, string? employeeId, string? department, IQuerySession session,
        CancellationToken ct)
    {
        var query = session.Query<PerformanceCase>().AsQueryable();
        if (status == "open") query = query.Where(c => c.Status != CaseStatus.Closed);
        if (status == "closed") query = query.Where(c => c.Status == CaseStatus.Closed);
        if (employeeId is not null) query = query.Where(c => c.EmployeeId == employeeId);
        if (department is not null) query = query.Where(c => c.Department == department);
        var cases = await query.OrderBy(c => c.OpenedOn).Take(1000).ToListAsync(ct);
        return cases.Select(c => new CaseSummary(c.CaseId, c.EmployeeId, c.Department, CaseStatuses.Of(c), c.OpenedOn, c.NextDueDate, c.Outcome)).ToList();
    }

}

public static class GetCaseEndpoint
{
    public static string Document(string caseId) => PerformanceCase.StreamKey(caseId);

    /// <summary>Case data is for staff roles, and for the employee it concerns (an unknown case is left to the 404 that follows).</summary>
    public static ProblemDetails Before(PerformanceCase? performanceCase, ClaimsPrincipal user) =>
        performanceCase is null || Staff.Access.MaySee(user, performanceCase.EmployeeId) ? WolverineContinue.NoProblems : Responses.Forbidden("you may read only your own case");

    /// <summary>Reads a case: its state, next due date and timeline (every event, in order, with who and when).</summary>
    [WolverineGet("/api/cases/{caseId}", OperationId = "getCase"), Authorize, Tags("Cases")]
    public static async Task<CaseView> Get([Entity(FromMethod = nameof(Document), OnMissing = OnMissing.ProblemDetailsWith404,
        MissingMessage = "There is no performance case with the document id {Id}.")] PerformanceCase performanceCase, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(performanceCase.Id, token: ct);
        var timeline = events.Select(e => new TimelineEntry(e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.Data)).ToList();
        return new CaseView(performanceCase, CaseStatuses.Of(performanceCase), performanceCase.NextDueDate, timeline);
    }
}
