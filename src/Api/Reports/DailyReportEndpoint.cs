using EventHr.Projections.Standards;
using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Api.Rules;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Reports;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Projections.Staff;
using EventHr.Projections.Tallies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace EventHr.Api.Reports;

public static class DailyReportEndpoint
{
    private const string FutureDay = "is in the future: a day is reported once it is over";

    /// <summary>
    /// Gives the department head's report of a business day (default: yesterday): per employee orders,
    /// conversion, average order value, salary-cost ratio and attainment, each post's average for
    /// comparison, and who is over the cost threshold. A stored 09:00 report is returned as stored.
    /// <c>brand</c> is needed only when the department's name is used by more than one brand.
    /// </summary>
    [WolverineGet("/api/reports/daily", OperationId = "dailyReport"), Authorize(Roles = Roles.ReadStaff), ProducesResponseType<DailyReport>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [Tags("Reports")]
    public static async Task<IResult> Get(string? date, string? department, string? brand, IDocumentSession session, TallyLedger ledger, Roster roster,
        IConfiguration config, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.RequireText(department, "department", 64);
        var asked = BusinessDates.Parse(date, "date", errors);
        // A day after today in the zone furthest ahead (UTC+14) is the future for every brand.
        if (asked > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14))) errors.Add("date", FutureDay);
        if (brand is not null) errors.RequireText(brand, "brand", 64);
        if (!errors.IsEmpty) return Problems.Invalid(errors);

        // Each brand's own day (the date asked, or its yesterday): only brands with staff employed then can be meant.
        var scope = user.Scope();
        var candidates = await DepartmentStaff.InScopeAsync(session, department!, user, clock, ct);
        var (chosen, problem) = DepartmentStaff.Choose(candidates, department!, brand,
            c => c.Members.Any(e => e.EmployedOn(asked ?? c.Today.AddDays(-1))));
        if (problem is not null) return problem;
        var day = asked ?? chosen!.Today.AddDays(-1);
        if (day > chosen!.Today) return Problems.Invalid(new FieldErrors().Add("date", FutureDay));
        var staff = chosen.Members.Where(e => e.EmployedOn(day)).ToList();
        if (staff.Count == 0)
            return Problems.NotFound($"no staff in department '{department}' of brand '{chosen.BrandId}' on {day:yyyy-MM-dd}");
        brand = chosen.BrandId;

        var report = await session.LoadAsync<DailyReport>(DailyReport.IdFor(brand, department!, day), ct)
                     ?? (await BuildAll(session, ledger, roster, staff.Select(e => e.Roster()).ToList(), day, config.GetValue("EventHr:Reports:CostThreshold", 0.30m), clock.GetUtcNow(), ct)).Single();
        if (!scope.Audits(brand)) return Results.Ok(report.WithoutSalaryFigures());
        foreach (var e in staff) AccessLog.Record(session, user, e.Person(), $"daily report {department} {day:yyyy-MM-dd}: daily salary cost", clock.GetUtcNow());
        return Results.Ok(report);
    }

    /// <summary>
    /// Every department report of the given staff for one day, reading the day's tallies, profiles and
    /// standards once for all of them (the 09:00 run sends a whole brand's at once).
    /// </summary>
    /// <remarks>A post's average is over everyone who held that post in the brand on the day, whatever their post now.</remarks>
    /// <param name="wholeBrands">the staff given are every profile of their brands (a brand's or the group's run): the
    /// peers the post averages compare with are among them, and are not read again; the day's rows are read for everyone</param>
    public static async Task<List<DailyReport>> BuildAll(IQuerySession session, TallyLedger ledger, Roster roster, IReadOnlyList<RosterEntry> staff,
        DateOnly day, decimal costThreshold, DateTimeOffset now, CancellationToken ct, bool wholeBrands = false)
    {
        var given = staff;
        staff = staff.Where(e => e.EmployedOn(day)).ToList();
        if (staff.Count == 0) return [];
        var brands = staff.Select(e => e.BrandId).Distinct().ToArray();
        var posts = staff.Select(e => e.PostOn(day)).Distinct().ToArray();
        var conn = (NpgsqlConnection)session.Connection;
        var candidates = wholeBrands ? given : await roster.ReadAsync(conn, brands, ct);
        var peers = candidates.Where(e => e.EmployedOn(day) && posts.Contains(e.PostOn(day))).UnionBy(staff, e => e.EmployeeId).ToList();
        var rows = (wholeBrands ? await ledger.InForceOnAsync(conn, day, ct)
                : await ledger.InForceAsync(conn, peers.Select(e => e.EmployeeId).ToList(), day, day, ct))
            .ToLookup(r => r.EmployeeId);
        var standards = await StandardLookup.LoadAsync(session, peers.Select(e => (e.BrandId, e.PostOn(day))), ct);

        var members = peers.ToDictionary(e => e.EmployeeId, e => new DailyReports.Member(e.EmployeeId, e.Name, e.BrandId, e.PostOn(day),
            e.MonthlySalaryOn(day), TallyWindow.Days(rows[e.EmployeeId], e.MonthlySalaryOn).SingleOrDefault()));
        var averages = DailyReports.PostAverages(members.Values);
        return staff.GroupBy(e => (e.BrandId, e.Department)).OrderBy(g => g.Key.BrandId).ThenBy(g => g.Key.Department)
            .Select(g => DailyReports.Build(g.Key.BrandId, g.Key.Department, day,
            g.Select(e => members[e.EmployeeId]).ToList(), averages, (brand, post) => standards.GetValueOrDefault((brand, post))?.InForceOn(day), costThreshold, now))
            .ToList();
    }

}
