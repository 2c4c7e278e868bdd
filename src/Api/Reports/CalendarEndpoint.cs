using System.Security.Claims;
using EventHr.Api.Cases;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Reports;
using EventHr.Projections.Standards;
using EventHr.Projections.Tallies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Reports;

/// <param name="LowRunDays">how many consecutive low days make a run (the early-warning rule's, story 1: 3)</param>
/// <param name="Employees">the department's staff employed in the period, each with one cell per day</param>
public sealed record AttainmentCalendarView(string BrandId, string Department, DateOnly From, DateOnly To, int LowRunDays,
    IReadOnlyList<CalendarRow> Employees);

public static class CalendarEndpoint
{
    public const int MaxDays = 62;

    /// <summary>
    /// Gives the department head's employee × day attainment calendar (default: the 21 days up to yesterday): each
    /// day's lowest attainment over the standard's metrics, whether every target was met, and the days that belong to
    /// a run of consecutive low days as the early-warning rule counts them. No salary figure is in it.
    /// </summary>
    [WolverineGet("/api/reports/calendar", OperationId = "attainmentCalendar"), Authorize(Roles = Roles.ReadStaff), Tags("Reports")]
    [ProducesResponseType<AttainmentCalendarView>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string? department, string? brand, string? to, int? days, IDocumentSession session, TallyLedger ledger,
        CaseSettings settings, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.RequireText(department, "department", 64);
        if (brand is not null) errors.RequireText(brand, "brand", 64);
        var asked = BusinessDates.Parse(to, "to", errors);
        if (days is < 1 or > MaxDays) errors.Add("days", $"must be from 1 to {MaxDays}");
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        var span = days ?? 21;

        var candidates = await DepartmentStaff.InScopeAsync(session, department!, user, clock, ct);
        (DateOnly From, DateOnly To) Period(BrandDepartment c) => ((asked ?? c.Today.AddDays(-1)).AddDays(1 - span), asked ?? c.Today.AddDays(-1));
        var (chosen, problem) = DepartmentStaff.Choose(candidates, department!, brand,
            c => c.Members.Any(e => EmployedWithin(e, Period(c))));
        if (problem is not null) return problem;
        var (from, until) = Period(chosen!);
        if (until > chosen!.Today) return Problems.Invalid(new FieldErrors().Add("to", "is in the future: a day is shown once it is over"));
        var staff = chosen.Members.Where(e => EmployedWithin(e, (from, until))).OrderBy(e => e.Name).ThenBy(e => e.EmployeeId).ToList();

        // A run that began before the window still counts: a fortnight before it is read too.
        var rows = (await ledger.InForceAsync((Npgsql.NpgsqlConnection)session.Connection, staff.Select(e => e.EmployeeId).ToList(),
            from.AddDays(-14), until, ct)).ToLookup(r => r.EmployeeId);
        var standards = await StandardLookup.LoadAsync(session, staff.SelectMany(e => e.Posts.Select(p => (e.BrandId, p.PostId))), ct);
        var lines = staff.Select(e => new CalendarRow(e.EmployeeId, e.Name, e.PostOn(until), AttainmentCalendar.Days(
            TallyWindow.Days(rows[e.EmployeeId], e), date => standards.GetValueOrDefault((e.BrandId, e.PostOn(date)))?.InForceOn(date),
            settings.RulesFor(e.BrandId, e.PostOn(until)), from, until))).ToList();
        return Results.Ok(new AttainmentCalendarView(chosen.BrandId, department!, from, until, settings.Rules.ConsecutiveLowDays, lines));
    }

    private static bool EmployedWithin(Domain.Staff.Employee e, (DateOnly From, DateOnly To) period) =>
        e.HiredOn <= period.To && (e.EndedOn is null || e.EndedOn >= period.From);
}
