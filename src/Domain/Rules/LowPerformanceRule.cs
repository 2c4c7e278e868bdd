using EventHr.Domain.Cases;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Rules;

/// <summary>
/// Story 1's rule: a metric of the standard in force below a share of its target on N consecutive
/// tallied days. Evaluated as each tally lands, so the warning comes the day the pattern appears.
/// </summary>
public static class LowPerformanceRule
{
    /// <summary>
    /// The breaches whose streak ends on the employee's latest tallied day. <paramref name="days"/> are
    /// the employee's recent tallied days in date order.
    /// </summary>
    public static IReadOnlyList<Breach> Evaluate(IReadOnlyList<DayFigures> days, Standard? standard, RuleSettings settings)
    {
        if (standard is null || days.Count < settings.ConsecutiveLowDays) return [];
        var latest = standard.InForceOn(days[^1].Date);
        if (latest is null) return [];
        var breaches = new List<Breach>();
        foreach (var (metric, target) in latest.Metrics)
        {
            var streak = days.Where(d => d.Value(metric) is not null).TakeLast(settings.ConsecutiveLowDays).ToList();
            if (streak.Count < settings.ConsecutiveLowDays || streak[^1].Date != days[^1].Date) continue;
            if (!streak.All(d => IsLow(d, metric, standard.InForceOn(d.Date), settings))) continue;
            var run = days.Where(d => d.Value(metric) is not null).Reverse()
                .TakeWhile(d => IsLow(d, metric, standard.InForceOn(d.Date), settings)).Last();
            breaches.Add(new Breach(metric, target, latest.Version, Threshold(target, settings),
                streak.Select(d => d.Date).ToList(), streak.Select(d => d.Value(metric)!.Value).ToList(), run.Date));
        }
        return breaches;
    }

    public static decimal Threshold(MetricTarget target, RuleSettings settings) => target.Direction == TargetDirection.AtLeast
        ? target.Target * settings.LowShareOfTarget
        : Math.Round(target.Target / settings.LowShareOfTarget, 4);

    /// <summary>Whether the day's value of the metric is below the rule's share of the version's target (false without a target).</summary>
    public static bool IsLow(DayFigures day, string metric, StandardVersion? version, RuleSettings settings)
    {
        if (version is null || !version.Metrics.TryGetValue(metric, out var target)) return false;
        var value = day.Value(metric)!.Value;
        var threshold = Threshold(target, settings);
        return target.Direction == TargetDirection.AtLeast ? value < threshold : value > threshold;
    }
}
