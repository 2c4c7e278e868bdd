using EventHr.Api.Alerts;
using EventHr.Domain.Reports;
using Marten;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;
using JasperFx.Core;
using Npgsql;

namespace EventHr.Api.Reports.Daily;

/// <summary>
/// The hourly wake-up of the 09:00 reports (scheduled durably in PostgreSQL, and sent once at
/// start-up): each brand whose 09:00 has passed in its own zone gets the days it is owed.
/// </summary>
public sealed record DailyReportsDue;

/// <summary>
/// Books the next hourly wake-up and hands the work of this hour to handlers of their own: the
/// report run and the alert sweep. All three messages leave through the outbox when this handler's
/// transaction commits, so a report run that fails (a database outage at 09:00) is retried on its
/// own and cannot end the hourly chain.
/// </summary>
[WolverineHandler]
public static class HourlyWakeUp
{
    public const string TickId = "reports:tick";

    public static async Task<OutgoingMessages> Handle(DailyReportsDue _, IDocumentSession session, CancellationToken ct)
    {
        // The hourly chain keeps real time, as Wolverine's scheduler does: a demo's settable clock decides which business
        // days are owed (in the handlers it wakes), never when the next wake-up is booked.
        var now = TimeProvider.System.GetUtcNow();
        var messages = new OutgoingMessages { new DailyReportsOwed(), new AlertSweepDue(), new Staff.ContractEndsDue() };
        var tick = await session.LoadAsync<ReportSchedule>(TickId, ct) ?? new ReportSchedule(TickId, "", null, null);
        // A duplicate wake-up (start-up, a redelivery) finds the next one booked already.
        if (tick.NextRunAt is not null && tick.NextRunAt > now) return messages;
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        session.Store(tick with { NextRunAt = next });
        messages.Add(new DailyReportsDue().ScheduledAt(next));
        return messages;
    }

    /// <summary>A database that is briefly away (a restart at the top of the hour) must not end the chain: tried again within the hour.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<NpgsqlException>().RetryWithCooldown(1.Seconds(), 5.Seconds())
            .Then.ScheduleRetry(1.Minutes(), 5.Minutes(), 15.Minutes());
}
