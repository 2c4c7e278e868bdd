using EventHr.Domain.Kpi;

namespace EventHr.Domain.Rules;

/// <summary>One tallied business day of one employee: raw metrics (corrections applied, shops combined) and derived ones.</summary>
public sealed record DayFigures(DateOnly Date, RawMetrics Raw, DerivedMetrics Derived)
{
    public decimal? Value(string metric) => Raw.Get(metric) ?? Derived.Get(metric);

    public static DayFigures Of(DateOnly date, RawMetrics raw, decimal monthlySalary) =>
        new(date, raw, DerivedMetrics.From(raw, monthlySalary));

    /// <summary>The mean of a metric over the days that have it, or null when none do.</summary>
    public static decimal? Average(IEnumerable<DayFigures> days, string metric)
    {
        var values = days.Select(d => d.Value(metric)).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : Math.Round(values.Average(), 4);
    }
}
