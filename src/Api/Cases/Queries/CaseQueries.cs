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

/// <param name="Title">the event's bilingual title from the event catalogue (e.g. "沟通记录 Conversation noted")</param>
public sealed record TimelineEntry(long Version, string Type, DateTimeOffset At, string? By, object? Data, string Title);

/// <param name="Case">the case as folded from its stream</param>
/// <param name="Status">its status, as the API names it</param>
/// <param name="NextDueDate">the last business day the case waits for (the plan's end), if any</param>
/// <param name="Timeline">every event with who and when</param>
/// <param name="SalaryWithheld">true when salary figures were left out for this reader (the reassignment's new pay reads 0)</param>
public sealed record CaseView(PerformanceCase Case, string Status, DateOnly? NextDueDate, IReadOnlyList<TimelineEntry> Timeline, bool SalaryWithheld);

/// <param name="Escalations">plan deadlines that passed without the data to assess them, escalated to HR (no-data escalations)</param>
public sealed record CaseSummary(string CaseId, string EmployeeId, string Department, string Status, DateOnly OpenedOn, DateOnly? NextDueDate,
    string? Outcome, int Escalations);

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

    /// <summary>Lists cases by status (open or closed), employee or department, oldest first; an employee lists their own.</summary>
    [WolverineGet("/api/cases", OperationId = "listCases"), Authorize(Roles = Roles.ReadCases), Tags("Cases")]
    public static async Task<IReadOnlyList<CaseSummary>> List(string? status, string? employeeId, string? department, IQuerySession session,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var query = InScope(session, user);
        if (status == "open") query = query.Where(c => c.Status != CaseStatus.Closed);
        if (status == "closed") query = query.Where(c => c.Status == CaseStatus.Closed);
        if (employeeId is not null) query = query.Where(c => c.EmployeeId == employeeId);
        if (department is not null) query = query.Where(c => c.Department == department);
        var cases = await query.OrderBy(c => c.OpenedOn).Take(1000).ToListAsync(ct);
        return cases.Select(c => new CaseSummary(c.CaseId, c.EmployeeId, c.Department, CaseStatuses.Of(c), c.OpenedOn, c.NextDueDate, c.Outcome,
            c.EscalatedDeadlines.Count)).ToList();
    }

    /// <summary>
    /// The cases within the caller's scope: brand HR and auditors their brands, a department head their department
    /// (and their own case, should they have one), an employee their own.
    /// </summary>
    public static IQueryable<PerformanceCase> InScope(IQuerySession session, ClaimsPrincipal user)
    {
        var query = session.Query<PerformanceCase>().AsQueryable();
        var scope = user.Scope();
        if (scope.SeesAllBrands) return query;
        var brands = scope.Brands.ToArray();
        var (head, self) = (scope.Has(Roles.Manager) ? scope.Department : null, scope.Has(Roles.Employee) ? scope.EmployeeId : null);
        return scope.Has(Roles.Hr) || scope.Has(Roles.Auditor) ? query.Where(c => c.BrandId.IsOneOf(brands))
            : head is not null ? query.Where(c => c.BrandId.IsOneOf(brands) && c.Department == head || c.EmployeeId == self)
            : query.Where(c => c.EmployeeId == self);
    }

}

/// <param name="Today">the business day the counts are as of (the API's clock, in the caller's brand's zone when it names one)</param>
/// <param name="OpenWarnings">open cases whose plan is not yet in force (warning raised, plan pending)</param>
/// <param name="PlansInProgress">plans in force</param>
/// <param name="DecisionsDueWithin7Days">plans in force whose period ends within the next 7 days (a decision follows)</param>
/// <param name="NoDataEscalations">plan deadlines of open cases that passed without the data to assess them</param>
public sealed record CaseCounts(DateOnly Today, int OpenWarnings, int PlansInProgress, int DecisionsDueWithin7Days, int NoDataEscalations);

public static class CaseCountsEndpoint
{
    /// <summary>
    /// Counts the open cases within the caller's scope for the dashboard's cards: warnings awaiting a plan, plans in
    /// progress, decisions due within 7 days, no-data escalations. Counted over every open case, not a page of them.
    /// </summary>
    [WolverineGet("/api/cases/counts", OperationId = "countCases"), Authorize(Roles = Roles.ReadStaff), Tags("Cases")]
    public static async Task<CaseCounts> Get(IQuerySession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var today = await BusinessDates.TodayForAsync(user, session, clock, ct);
        var open = await ListCasesEndpoint.InScope(session, user).Where(c => c.Status != CaseStatus.Closed).ToListAsync(ct);
        return new CaseCounts(today, open.Count(c => c.Status == CaseStatus.PlanPending), open.Count(c => c.Status == CaseStatus.PlanActive),
            open.Count(c => c.NextDueDate is { } due && due >= today && due <= today.AddDays(7)), open.Sum(c => c.EscalatedDeadlines.Count));
    }
}

public static class GetCaseEndpoint
{
    /// <summary>Events whose figures are salary (a reassignment's or agreed pay, a termination's pay in lieu and severance).</summary>
    private static readonly HashSet<string> SalaryFigures = ["employee_reassigned", "pay_adjusted", "employment_terminated"];

    public static string Document(string caseId) => PerformanceCase.StreamKey(caseId);

    /// <summary>A case outside the caller's scope is answered as an unknown one (an unknown one is left to the 404 that follows).</summary>
    public static ProblemDetails Before(PerformanceCase? performanceCase, ClaimsPrincipal user) =>
        performanceCase is null || user.Scope().Sees(performanceCase.Person()) ? WolverineContinue.NoProblems
            : Scopes.Unknown(CaseAttribute.Missing, performanceCase.Id);

    /// <summary>
    /// Reads a case: its state, next due date and timeline (every event, in order, with who and when). A
    /// department head sees the steps without their salary figures (<c>data</c> withheld on those events).
    /// </summary>
    [WolverineGet("/api/cases/{caseId}", OperationId = "getCase"), Authorize, Tags("Cases")]
    public static async Task<CaseView> Get([Entity(FromMethod = nameof(Document), OnMissing = OnMissing.ProblemDetailsWith404,
        MissingMessage = CaseAttribute.Missing)] PerformanceCase performanceCase, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var sensitive = user.Scope().SeesSensitive(performanceCase.Person());
        var events = await session.Events.FetchStreamAsync(performanceCase.Id, token: ct);
        if (events.Any(e => SalaryFigures.Contains(e.EventTypeName)))
            AccessLog.Record(session, user, performanceCase.Person(), $"case {performanceCase.CaseId}: salary figures", clock.GetUtcNow());
        var timeline = events.Select(e => new TimelineEntry(e.Version, e.EventTypeName, e.Timestamp, e.UserName,
            sensitive || !SalaryFigures.Contains(e.EventTypeName) ? e.Data : null, Domain.Events.EventCatalogue.TitleOf(e.EventTypeName))).ToList();
        // The state is folded from the very events the timeline shows: the document read a moment earlier may lag a commit.
        var folded = Domain.Events.Fold<PerformanceCase>.Replay(events.Select(e => e.Data)) ?? performanceCase;
        var state = sensitive ? folded : folded with { Reassignment = folded.Reassignment is { } r ? r with { NewMonthlySalary = 0 } : null };
        return new CaseView(state, CaseStatuses.Of(folded), folded.NextDueDate, timeline, !sensitive);
    }
}
