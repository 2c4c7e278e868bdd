using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Reports;
using EventHr.Domain.Staff;
using EventHr.Projections.Staff;
using EventHr.Projections.Tallies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Reports;

public sealed record DailyReportsProduced(DateOnly Date, int Reports, IReadOnlyList<string> Departments);

public static class DailyReportRunEndpoint
{
    /// <summary>
    /// Produces and stores every department's report of a business day now (a day whose data was late,
    /// or one to re-send); the 09:00 run does the same on its own. Stored reports are replaced.
    /// </summary>
    [WolverinePost("/api/reports/daily/run", OperationId = "produceDailyReports"), Authorize(Roles = Roles.MasterData), ProducesResponseType<DailyReportsProduced>(200), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
    [Tags("Reports")]
    public static async Task<IResult> Post(string? date, IDocumentSession session, TallyLedger ledger, Roster roster, IConfiguration config,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        // It stores every brand's reports of the day: the whole group's run.
        if (!user.Scope().SeesAllBrands) return Problems.Forbidden("producing the day's reports of every brand is group HR's");
        if (date is null || !DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
            return Problems.Invalid(new FieldErrors().Add("date", "is required, in the form yyyy-MM-dd"));
        var staff = await roster.ReadAsync((Npgsql.NpgsqlConnection)session.Connection, null, ct);
        var reports = await DailyReportEndpoint.BuildAll(session, ledger, roster, staff, day, config.GetValue("EventHr:Reports:CostThreshold", 0.30m),
            clock.GetUtcNow(), ct, wholeBrands: true);
        foreach (var report in reports) session.Store(report);
        return Results.Ok(new DailyReportsProduced(day, reports.Count, reports.Select(r => r.Department).ToList()));
    }
}
