using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Cases;

public sealed record TimelineEntry(long Version, string Type, DateTimeOffset At, string? By, object Data);

public sealed record CaseView(PerformanceCase Case, string Status, DateOnly? NextDueDate, IReadOnlyList<TimelineEntry> Timeline);

public static class CaseQueries
{
    /// <summary>Cases by status (open|closed), employee or department.</summary>
    [WolverineGet("/api/cases", OperationId = "listCases"), Authorize(Roles = Roles.ReadStaff)]
    [Tags("Cases")]
    public static async Task<IResult> List(string? status, string? employeeId, string? department, IQuerySession session, CancellationToken ct)
    {
        if (status is not (null or "open" or "closed"))
            return Problems.Invalid(new Domain.Common.FieldErrors().Add("status", "must be open or closed"));
        var query = session.Query<PerformanceCase>().AsQueryable();
        if (status == "open") query = query.Where(c => c.Status != CaseStatus.Closed);
        if (status == "closed") query = query.Where(c => c.Status == CaseStatus.Closed);
        if (employeeId is not null) query = query.Where(c => c.EmployeeId == employeeId);
        if (department is not null) query = query.Where(c => c.Department == department);
        var cases = await query.OrderBy(c => c.OpenedOn).Take(1000).ToListAsync(ct);
        return Results.Ok(cases.Select(c => new { c.CaseId, c.EmployeeId, c.Department, status = Status(c), c.OpenedOn, c.NextDueDate, c.Outcome }));
    }

    /// <summary>A case: state, next due date, and its timeline (every event, in order, with who and when).</summary>
    [WolverineGet("/api/cases/{caseId}", OperationId = "getCase"), Authorize]
    [Tags("Cases")]
    public static async Task<IResult> Get(string caseId, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await session.LoadAsync<PerformanceCase>(PerformanceCase.StreamKey(caseId), ct);
        if (c is null) return Problems.NotFound($"no case '{caseId}'");
        if (!CaseStreams.MaySee(user, c)) return Problems.Forbidden("you may read only your own case");
        var events = await session.Events.FetchStreamAsync(PerformanceCase.StreamKey(caseId), token: ct);
        var timeline = events.Select(e => new TimelineEntry(e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.Data)).ToList();
        return Results.Ok(new CaseView(c, Status(c), c.NextDueDate, timeline));
    }

    public static string Status(PerformanceCase c) => c.Status switch
    {
        CaseStatus.PlanPending => "plan-pending",
        CaseStatus.PlanActive => "plan-active",
        CaseStatus.AwaitingDecision => "awaiting-decision",
        CaseStatus.RemedyRequired => "remedy-required",
        CaseStatus.TerminationPossible => "termination-possible",
        _ => "closed"
    };
}
