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
/// report run, the alert sweep and the contract-end notices. All leave through the outbox when this
/// handler's transaction commits, so a report run that fails (a database outage at 09:00) is retried
/// on its own and cannot end the hourly chain.
/// </summary>
/// <remarks>
/// Each node wakes the chain once at start-up and the booked wake-up fires on one node, so several may
/// arrive for one hour. The first to book the next hour claims this one; any other finds it booked and
/// hands on nothing. Two nodes claiming at the same instant both wrote the schedule document, which is
/// versioned: the second commit fails, is retried, and then finds the hour claimed.
/// </remarks>
[WolverineHandler]
public static class HourlyWakeUp
{
    public const string TickId = "reports:tick";

    public static async Task<OutgoingMessages> Handle(DailyReportsDue _, IDocumentSession session, IConfiguration config, ILoggerFactory logs,
        CancellationToken ct)
    {
        // The hourly chain keeps real time, as Wolverine's scheduler does: a demo's settable clock decides which business
        // days are owed (in the handlers it wakes), never when the next wake-up is booked.
        var now = TimeProvider.System.GetUtcNow();
        var tick = await session.LoadAsync<ReportSchedule>(TickId, ct) ?? new ReportSchedule(TickId, "", null, null);
        // A duplicate wake-up (another node's start-up, a redelivery) finds the next one booked already.
        if (tick.NextRunAt is not null && tick.NextRunAt > now) return [];
        // Every hour on the hour; a chaos run or a demo that walks days in minutes wakes it more often (EventHr:Reports:WakeUpEvery).
        var every = config.GetValue("EventHr:Reports:WakeUpEvery", TimeSpan.FromHours(1));
        if (every < TimeSpan.FromSeconds(1) || every > TimeSpan.FromHours(1)) every = TimeSpan.FromHours(1);
        var next = new DateTimeOffset(now.UtcTicks - now.UtcTicks % every.Ticks, TimeSpan.Zero) + every;
        session.Store(tick with { NextRunAt = next });
        logs.CreateLogger("EventHr.Reports").LogInformation("Hourly wake-up claimed on this node; the next is booked for {Next:O}", next);
        return [new DailyReportsOwed(), new AlertSweepDue(), new Staff.ContractEndsDue(), new DailyReportsDue().ScheduledAt(next)];
    }

}
