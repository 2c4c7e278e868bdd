using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Cases.Decisions;

public static class ProbationDecision
{
    /// <summary>
    /// 试用期解除 (art. 39(1)): refused (422 with its guard) once probation has ended, without a communicated and
    /// acknowledged hiring condition, when the period's tallies do not show it missed, or without the union told and the
    /// reasons delivered in writing. The employment ends on the day the decision is served; no notice, no severance.
    /// </summary>
    public static Result<ProbationDismissed> Dismiss(PerformanceCase c, Employee employee, DecideCase d, IReadOnlyList<DayFigures> days,
        int minTalliedDays, DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (!c.IsOpen) return CaseRefusals.WrongState(c, "a dismissal in probation");
        if (employee.EndedOn is { } ended)
            return Result<ProbationDismissed>.Conflict($"{employee.EmployeeId}'s employment already ended on {ended:yyyy-MM-dd}");
        var served = d.ServedOn ?? today;
        if (served > today) return Result<ProbationDismissed>.Invalid(new FieldErrors().Add("servedOn", $"must not be after today ({today:yyyy-MM-dd})"));
        if (d.Until > today) return Result<ProbationDismissed>.Invalid(new FieldErrors().Add("until", "must not be after today: the tallies must have come in"));
        var dismissal = new Art39Probation.Dismissal(served, d.ConditionsFailed!, d.From!.Value, d.Until!.Value, d.UnionToldOn, d.Delivery);
        var elements = Art39Probation.Elements(employee, dismissal, days, minTalliedDays, out var results);
        if (CaseRefusals.Legal(elements, "a dismissal in probation (art. 39(1)) needs every element") is { } refusal) return refusal;
        return Result<ProbationDismissed>.Ok(new ProbationDismissed(c.CaseId, employee.EmployeeId, d.Reason!, results, d.From!.Value, d.Until!.Value,
            served, d.Delivery!, d.Union ?? new UnionConsultation(d.UnionNotifiedOn, d.Reason), actor.UserId, now));
    }
}
