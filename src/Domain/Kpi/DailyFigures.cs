namespace EventHr.Domain.Kpi;

/// <summary>One employee's raw metrics for one business day; any metric may be absent.</summary>
public sealed record RawMetrics(
    int? Orders = null, int? Visitors = null, decimal? Revenue = null, int? RepeatOrders = null,
    int? Clicks = null, decimal? AvgResponseSeconds = null, decimal? Csat = null, decimal? DwellSeconds = null)
{
    public decimal? Get(string metric) => metric switch
    {
        Metrics.Orders => Orders,
        Metrics.Visitors => Visitors,
        Metrics.Revenue => Revenue,
        Metrics.RepeatOrders => RepeatOrders,
        Metrics.Clicks => Clicks,
        Metrics.AvgResponseSeconds => AvgResponseSeconds,
        Metrics.Csat => Csat,
        Metrics.DwellSeconds => DwellSeconds,
        _ => null
    };

    /// <summary>
    /// Combines the rows of several shops for one day: counts add up, averages (response time,
    /// satisfaction, dwell) are the plain mean of the shops that reported them.
    /// </summary>
    public static RawMetrics Combine(IReadOnlyList<RawMetrics> rows)
    {
        if (rows.Count == 1) return rows[0];
        static int? Sum(IEnumerable<int?> xs) { var v = xs.Where(x => x.HasValue).ToList(); return v.Count == 0 ? null : v.Sum(); }
        static decimal? SumD(IEnumerable<decimal?> xs) { var v = xs.Where(x => x.HasValue).ToList(); return v.Count == 0 ? null : v.Sum(); }
        static decimal? Mean(IEnumerable<decimal?> xs) { var v = xs.Where(x => x.HasValue).ToList(); return v.Count == 0 ? null : v.Average(); }
        return new RawMetrics(
            Sum(rows.Select(r => r.Orders)), Sum(rows.Select(r => r.Visitors)), SumD(rows.Select(r => r.Revenue)),
            Sum(rows.Select(r => r.RepeatOrders)), Sum(rows.Select(r => r.Clicks)),
            Mean(rows.Select(r => r.AvgResponseSeconds)), Mean(rows.Select(r => r.Csat)), Mean(rows.Select(r => r.DwellSeconds)));
    }
}

/// <summary>Derived metrics of a day: each is absent when its denominator is absent or zero.</summary>
public sealed record DerivedMetrics(decimal? ConversionRate, decimal? AverageOrderValue, decimal? RepeatRate,
    decimal? SalaryCostRatio, decimal DailySalaryCost)
{
    /// <summary>
    /// PRC practice: a day's wage is the monthly wage ÷ 21.75 paid days (劳社部发〔2008〕3号), so the
    /// salary-cost ratio of a day is that wage ÷ the day's revenue.
    /// </summary>
    public const decimal PaidDaysPerMonth = 21.75m;

    public static DerivedMetrics From(RawMetrics raw, decimal monthlySalary)
    {
        var dailyCost = Math.Round(monthlySalary / PaidDaysPerMonth, 2);
        return new DerivedMetrics(
            Ratio(raw.Orders, raw.Visitors),
            Ratio(raw.Revenue, raw.Orders),
            Ratio(raw.RepeatOrders, raw.Orders),
            Ratio(dailyCost, raw.Revenue),
            dailyCost);
    }

    public decimal? Get(string metric) => metric switch
    {
        Metrics.ConversionRate => ConversionRate,
        Metrics.AverageOrderValue => AverageOrderValue,
        Metrics.RepeatRate => RepeatRate,
        Metrics.SalaryCostRatio => SalaryCostRatio,
        _ => null
    };

    private static decimal? Ratio(decimal? numerator, decimal? denominator) =>
        numerator is null || denominator is null or 0 ? null : Math.Round(numerator.Value / denominator.Value, 4);
}
