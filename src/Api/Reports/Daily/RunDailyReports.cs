using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Reports;
using EventHr.Domain.Staff;
using EventHr.Projections.Notifications;
using EventHr.Projections.Staff;
using EventHr.Projections.Tallies;
using JasperFx.Core;
using Marten;
using Npgsql;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;
using Wolverine;
using Wolverine.Attributes;

namespace EventHr.Api.Reports.Daily;

/// <summary>This hour's report run (sent by the hourly wake-up).</summary>
public sealed record DailyReportsOwed;

/// <summary>
/// The 09:00 run: for each brand, every business day due and not yet reported gets one stored report
/// per department and a notification to its department head. Reports and notifications have ids of
/// their own day, and each brand's schedule document remembers the last day reported, so a restart
/// or a duplicate wake-up neither skips nor doubles a day; a day missed while down is sent on return.
/// The webhook deliveries it returns leave through the outbox with the reports' commit.
/// </summary>
[WolverineHandler]
public static class RunDailyReports
{
    public static async Task<OutgoingMessages> Handle(DailyReportsOwed _, IDocumentSession session, TallyLedger ledger, Roster roster,
        IConfiguration config, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sent = new List<Notification>();
        foreach (var brand in await session.Query<Brand>().ToListAsync(ct))
        {
            var told = await RunBrand(session, ledger, roster, brand, config.GetValue("EventHr:Reports:CostThreshold", 0.30m), now, ct);
            if (told.Count > 0)
                logs.CreateLogger("EventHr.Reports").LogInformation("Daily reports of brand {BrandId}: {Notifications} department heads told",
                    brand.BrandId, told.Count);
            sent.AddRange(told);
        }
        return [.. await Notifications.WebhookDelivery.For(session, sent, ct)];
    }

    private static async Task<List<Notification>> RunBrand(IDocumentSession session, TallyLedger ledger, Roster roster, Brand brand, decimal threshold,
        DateTimeOffset now, CancellationToken ct)
    {
        var sent = new List<Notification>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(brand.TimeZone);
        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var schedule = await session.LoadAsync<ReportSchedule>(ReportSchedule.IdFor(brand.BrandId), ct)
                       ?? new ReportSchedule(ReportSchedule.IdFor(brand.BrandId), brand.BrandId, null, null);
        var staff = await roster.ReadAsync((NpgsqlConnection)session.Connection, [brand.BrandId], ct);
        foreach (var day in ReportTiming.DaysDue(schedule.LastReportedDay, localNow))
        {
            foreach (var report in await DailyReportEndpoint.BuildAll(session, ledger, roster, staff, day, threshold, now, ct, wholeBrands: true))
            {
                var department = report.Department;
                session.Store(report);
                // The heads of those who work there now, not of those who have left.
                foreach (var head in staff.Where(e => e.Department == department && e.EmployedOn(day))
                             .Select(e => e.ManagerId).Distinct())
                    sent.Add(new Notification($"{report.Id}:{head}", head, "daily-report", null, null,
                        $"日报 Daily report {department} {day:yyyy-MM-dd}: {report.Rows.Count(r => r.Tallied)} of {report.Rows.Count} tallied, "
                        + $"{report.Rows.Count(r => r.OverCostThreshold)} over the {threshold:P0} salary-cost threshold",
                        day, now, department, brand.BrandId));
            }
            schedule = schedule with { LastReportedDay = day };
        }

        session.Store(schedule);
        foreach (var n in sent) session.Store(n);
        return sent;
    }
}
