using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Reports;
using EventHr.Domain.Staff;
using EventHr.Projections.Notifications;
using EventHr.Projections.Tallies;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace EventHr.Api.Reports;

/// <summary>
/// The hourly wake-up of the 09:00 reports (scheduled durably in PostgreSQL, and sent once at
/// start-up): each brand whose 09:00 has passed in its own zone gets the days it is owed.
/// </summary>
public sealed record DailyReportsDue;

/// <summary>
/// The 09:00 run: for each brand, every business day due and not yet reported gets one stored report
/// per department and a notification to its department head. Reports and notifications have ids of
/// their own day, and each brand's schedule document remembers the last day reported, so a restart
/// or a duplicate wake-up neither skips nor doubles a day; a day missed while down is sent on return.
/// </summary>
[WolverineHandler]
public static class DailyReportRun
{
    public const string TickId = "reports:tick";

    public static async Task Handle(DailyReportsDue due, IDocumentSession session, IMessageBus bus, TallyLedger ledger,
        IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sent = new List<Notification>();
        foreach (var brand in await session.Query<Brand>().ToListAsync(ct))
            sent.AddRange(await RunBrand(session, ledger, brand, config.GetValue("EventHr:Reports:CostThreshold", 0.30m), now, ct));
        await Notifications.WebhookDelivery.Queue(session, bus, sent, ct);

        await bus.PublishAsync(new Alerts.AlertSweepDue());

        // Book the next wake-up once: at the top of the next hour, when some brand's 09:00 may come.
        var tick = await session.LoadAsync<ReportSchedule>(TickId, ct) ?? new ReportSchedule(TickId, "", null, null);
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        if (tick.NextRunAt is null || tick.NextRunAt <= now)
        {
            await bus.ScheduleAsync(new DailyReportsDue(), next);
            session.Store(tick with { NextRunAt = next });
        }
        await session.SaveChangesAsync(ct);
    }

    private static async Task<List<Notification>> RunBrand(IDocumentSession session, TallyLedger ledger, Brand brand, decimal threshold,
        DateTimeOffset now, CancellationToken ct)
    {
        var sent = new List<Notification>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(brand.TimeZone);
        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var schedule = await session.LoadAsync<ReportSchedule>(ReportSchedule.IdFor(brand.BrandId), ct)
                       ?? new ReportSchedule(ReportSchedule.IdFor(brand.BrandId), brand.BrandId, null, null);
        var staff = await session.Query<Employee>().Where(e => e.BrandId == brand.BrandId).ToListAsync(ct);
        foreach (var day in ReportTiming.DaysDue(schedule.LastReportedDay, localNow))
        {
            foreach (var report in await DailyReportEndpoint.BuildAll(session, ledger, staff, day, threshold, now, ct))
            {
                var department = report.Department;
                session.Store(report);
                foreach (var head in staff.Where(e => e.Department == department).Select(e => e.ManagerId).Distinct())
                    sent.Add(new Notification($"{report.Id}:{head}", head, "daily-report", null, null,
                        $"日报 Daily report {department} {day:yyyy-MM-dd}: {report.Rows.Count(r => r.Tallied)} of {report.Rows.Count} tallied, "
                        + $"{report.Rows.Count(r => r.OverCostThreshold)} over the {threshold:P0} salary-cost threshold",
                        day, now, department));
            }
            schedule = schedule with { LastReportedDay = day };
        }

        session.Store(schedule);
        foreach (var n in sent) session.Store(n);
        return sent;
    }
}
