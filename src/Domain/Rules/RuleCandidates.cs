using EventHr.Domain.Kpi;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Rules;

/// <summary>
/// Which employees of an incoming feed the rule engine must look at, decided from the feed itself:
/// a day that may be low (<see cref="LowRowFilter"/>), or an open case whose plan period just ended
/// or that may have a new breach pattern to attach. Everyone else's history stays unread.
/// </summary>
public static class RuleCandidates
{
    /// <summary>What the rules need to know of an employee's open case.</summary>
    public sealed record OpenCase(bool PlanActive, DateOnly? PlanUntil, DateOnly LastBreachOn);

    /// <param name="lowFilter">the day's standard thresholds, asked only when the figures matter</param>
    public static bool NeedsEvaluation(RawMetrics day, DateOnly date, Func<LowRowFilter> lowFilter, RuleSettings rules, OpenCase? open) =>
        (open is null ? null : OpenCaseNeedsDay(open, date, rules)) ?? lowFilter().MayBeLow(day);

    /// <summary>
    /// True: the plan period ends with this day, look whatever the figures. False: nothing the day
    /// holds can change the case. Null: only a low day matters (a new pattern could attach).
    /// </summary>
    public static bool? OpenCaseNeedsDay(OpenCase open, DateOnly date, RuleSettings rules)
    {
        if (open.PlanActive && date >= open.PlanUntil) return true;
        // A new pattern must start after the last recorded breach, so it needs that many days since.
        return date.DayNumber - open.LastBreachOn.DayNumber < rules.ConsecutiveLowDays ? false : null;
    }
}
