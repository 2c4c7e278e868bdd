using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Assessment;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Marten;

namespace EventHr.Api.Cases.Assessment;

/// <summary>The wall-clock backstop of a plan deadline, scheduled durably in PostgreSQL when the plan takes effect.</summary>
public sealed record PlanDeadlinePassed(string CaseId, int Assessment, DateOnly Until);

[WolverineHandler]
public static class PlanDeadline
{
    /// <summary>
    /// The timer of a plan in effect: due a grace period after the deadline day ends in the brand's
    /// zone; a deadline already past (a replay of history) is due a grace period from now.
    /// </summary>
    public static ScheduledMessage<PlanDeadlinePassed> For(PerformanceCase c, string timeZone, TimeSpan grace, DateTimeOffset now)
    {
        var plan = c.Plan!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var endOfDay = plan.Until.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var deadline = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay));
        return new PlanDeadlinePassed(c.CaseId, plan.Assessment, plan.Until).ScheduledAt((deadline > now ? deadline : now) + grace);
    }

    public static string CaseStream(PlanDeadlinePassed message) => CaseSubject.Stream(message.CaseId);

    /// <summary>
    /// Escalates "no data" to HR once. The case decides: one assessed, extended or closed meanwhile
    /// makes the timer a no-op (an extension books a timer of its own).
    /// </summary>
    public static async Task<(Events, OutgoingMessages)> Handle(PlanDeadlinePassed message,
        [WriteAggregate(FromMethod = nameof(CaseStream), Required = false)] PerformanceCase? @case, Marten.IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        Infrastructure.SystemActor.Stamp(session, "deadline-timer");
        if (@case is null || PeriodEnd.OnDeadlineTimeout(@case, message.Assessment, message.Until, clock.GetUtcNow()) is not { } escalation)
            return ([], []);
        return ([escalation], [.. await Notifications.WebhookDelivery.For(session, Projections.Notifications.NotificationsFor.Event(escalation), ct)]);
    }
}
