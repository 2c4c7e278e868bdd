using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Assessment;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Marten;

namespace EventHr.Api.Cases.Assessment;

/// <summary>The wall-clock backstop of a plan deadline, scheduled durably in PostgreSQL when the plan takes effect.</summary>
/// <param name="CaseId">the case whose plan it backs</param>
/// <param name="Assessment">the plan period (1 or 2)</param>
/// <param name="Until">the plan's last day, as it stood when booked (an extension books its own)</param>
/// <param name="Due">when it is due by the API's clock (absent in timers booked before it was recorded)</param>
public sealed record PlanDeadlinePassed(string CaseId, int Assessment, DateOnly Until, DateTimeOffset? Due = null);

[WolverineHandler]
public static class PlanDeadline
{
    /// <summary>
    /// The timer of a plan in effect: due a grace period after the deadline day ends in the brand's
    /// zone; a deadline already past (a replay of history) is due a grace period from now.
    /// </summary>
    public static DeliveryMessage<PlanDeadlinePassed> For(PerformanceCase c, string timeZone, TimeSpan grace, TimeProvider clock)
    {
        var plan = c.Plan!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var endOfDay = plan.Until.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var deadline = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay));
        var now = clock.GetUtcNow();
        return Wake(new PlanDeadlinePassed(c.CaseId, plan.Assessment, plan.Until, (deadline > now ? deadline : now) + grace), clock);
    }

    /// <summary>
    /// Booked as a delay from now, not as an instant: Wolverine keeps real time, the API's clock may be set elsewhere
    /// (a demo). A settable clock can also jump, so its timers look again within a poll interval.
    /// </summary>
    private static DeliveryMessage<PlanDeadlinePassed> Wake(PlanDeadlinePassed message, TimeProvider clock)
    {
        var wait = message.Due!.Value - clock.GetUtcNow();
        if (clock is Infrastructure.SettableClock && wait > SettableClockPoll) wait = SettableClockPoll;
        return message.DelayedFor(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    /// <summary>How often a timer on a settable clock (Development, Test) looks whether its moment has come.</summary>
    private static readonly TimeSpan SettableClockPoll = TimeSpan.FromSeconds(2);

    public static string CaseStream(PlanDeadlinePassed message) => CaseSubject.Stream(message.CaseId);

    /// <summary>
    /// Escalates "no data" to HR once. The case decides: one assessed, extended or closed meanwhile
    /// makes the timer a no-op (an extension books a timer of its own).
    /// </summary>
    public static async Task<(Events, OutgoingMessages)> Handle(PlanDeadlinePassed message,
        [WriteAggregate(FromMethod = nameof(CaseStream), Required = false)] PerformanceCase? @case, Marten.IDocumentSession session,
        TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        // Early by the API's clock (a settable one that was moved back or has not reached it yet): wait on.
        if (message.Due is { } due && clock.GetUtcNow() < due && @case?.IsOpen == true) return ([], [Wake(message, clock)]);
        Infrastructure.SystemActor.Stamp(session, "deadline-timer");
        if (@case is null || PeriodEnd.OnDeadlineTimeout(@case, message.Assessment, message.Until, clock.GetUtcNow()) is not { } escalation)
            return ([], []);
        logs.CreateLogger("EventHr.Cases").LogInformation("Plan deadline of case {CaseId} ({Until}) passed: {Escalation}", message.CaseId,
            message.Until, escalation.GetType().Name);
        return ([escalation], [.. await Notifications.WebhookDelivery.For(session, Projections.Notifications.NotificationsFor.Event(escalation), ct)]);
    }
}
