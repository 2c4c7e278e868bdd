using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Assessment;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace EventHr.Api.Cases;

/// <summary>The wall-clock backstop of a plan deadline, scheduled durably in PostgreSQL when the plan takes effect.</summary>
public sealed record PlanDeadlinePassed(string CaseId, int Assessment, DateOnly Until);

[WolverineHandler]
public static class PlanDeadline
{
    /// <summary>
    /// Due a grace period after the deadline day ends in the brand's zone; a deadline already past (a
    /// replay of history) is due a grace period from now.
    /// </summary>
    public static DateTimeOffset DueAt(DateOnly until, string timeZone, TimeSpan grace, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var endOfDay = until.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var deadline = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay));
        return (deadline > now ? deadline : now) + grace;
    }

    public static async Task Schedule(IMessageBus bus, PerformanceCase c, string timeZone, CaseSettings settings, DateTimeOffset now)
    {
        var plan = c.Plan!;
        await bus.ScheduleAsync(new PlanDeadlinePassed(c.CaseId, plan.Assessment, plan.Until), DueAt(plan.Until, timeZone, settings.NoDataGrace, now));
    }

    /// <summary>Escalates "no data" to HR once; a case assessed, extended or closed meanwhile ignores it.</summary>
    public static async Task<OutgoingMessages> Handle(PlanDeadlinePassed message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        Infrastructure.SystemActor.Stamp(session, "deadline-timer");
        var stream = await session.Events.FetchForWriting<PerformanceCase>(PerformanceCase.StreamKey(message.CaseId), ct);
        if (stream.Aggregate is null) return [];
        if (PeriodEnd.OnDeadlineTimeout(stream.Aggregate, message.Assessment, message.Until, clock.GetUtcNow()) is not { } escalation) return [];
        stream.AppendOne(escalation);
        return [.. await Notifications.WebhookDelivery.For(session, Projections.Notifications.NotificationsFor.Event(escalation), ct)];
    }
}
