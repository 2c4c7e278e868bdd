using EventHr.Domain.Kpi;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Rules;

/// <summary>
/// A cheap first look at a day's incoming figures: could this day be low on any metric of the
/// standard? Only such employees need their history read. Counts of several shops add up, so a
/// row that is not low cannot make its day low; metrics that need the wage (salary-cost ratio)
/// are always looked at.
/// </summary>
public static class LowRowFilter
{
    public static bool MayBeLow(RawMetrics day, StandardVersion? standard, RuleSettings settings)
    {
        if (standard is null) return false;
        var derived = DerivedMetrics.From(day, 0m);
        foreach (var (metric, target) in standard.Metrics)
        {
            if (metric == Metrics.SalaryCostRatio) return true;
            var value = day.Get(metric) ?? derived.Get(metric);
            if (value is null) continue;
            var threshold = LowPerformanceRule.Threshold(target, settings);
            if (target.Direction == TargetDirection.AtLeast ? value < threshold : value > threshold) return true;
        }
        return false;
    }
}
