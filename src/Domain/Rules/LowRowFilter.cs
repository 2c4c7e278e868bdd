using EventHr.Domain.Kpi;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Rules;

/// <summary>
/// A cheap first look at a day's incoming figures: could this day be low on any metric of the
/// standard? Only such employees need their history read. Counts of several shops add up, so a
/// row that is not low cannot make its day low; metrics that need the wage (salary-cost ratio)
/// are always looked at. Thresholds are worked out once per standard version, as a daily feed
/// checks thousands of rows against the same few.
/// </summary>
public sealed class LowRowFilter
{
    private readonly (string Metric, TargetDirection Direction, decimal Threshold)[] _checks;
    private readonly bool _always;

    private LowRowFilter((string, TargetDirection, decimal)[] checks, bool always) => (_checks, _always) = (checks, always);

    public static LowRowFilter For(StandardVersion? standard, RuleSettings settings)
    {
        if (standard is null) return new LowRowFilter([], false);
        var always = standard.Metrics.ContainsKey(Metrics.SalaryCostRatio);
        var checks = standard.Metrics.Where(m => m.Key != Metrics.SalaryCostRatio)
            .Select(m => (m.Key, m.Value.Direction, LowPerformanceRule.Threshold(m.Value, settings))).ToArray();
        return new LowRowFilter(checks, always);
    }

    public bool MayBeLow(RawMetrics day)
    {
        if (_always) return true;
        foreach (var (metric, direction, threshold) in _checks)
        {
            var value = day.Get(metric) ?? Derived(day, metric);
            if (value is null) continue;
            if (direction == TargetDirection.AtLeast ? value < threshold : value > threshold) return true;
        }
        return false;
    }

    private static decimal? Derived(RawMetrics day, string metric) => metric switch
    {
        Metrics.ConversionRate or Metrics.AverageOrderValue or Metrics.RepeatRate => DerivedMetrics.From(day, 0m).Get(metric),
        _ => null
    };
}
