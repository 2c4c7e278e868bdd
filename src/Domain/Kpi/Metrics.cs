namespace EventHr.Domain.Kpi;

/// <summary>
/// The metric vocabulary shared by tallies, standards and reports (names as in the public API).
/// Rates are fractions (conversion 0.08 = 8%); csat is a 0–100 score.
/// </summary>
public static class Metrics
{
    public const string Orders = "orders";
    public const string Visitors = "visitors";
    public const string Revenue = "revenue";
    public const string RepeatOrders = "repeatOrders";
    public const string Clicks = "clicks";
    public const string AvgResponseSeconds = "avgResponseSeconds";
    public const string Csat = "csat";
    public const string DwellSeconds = "dwellSeconds";

    public const string ConversionRate = "conversionRate";
    public const string AverageOrderValue = "averageOrderValue";
    public const string RepeatRate = "repeatRate";
    public const string SalaryCostRatio = "salaryCostRatio";

    public static readonly IReadOnlyList<string> Raw =
        [Orders, Visitors, Revenue, RepeatOrders, Clicks, AvgResponseSeconds, Csat, DwellSeconds];

    public static readonly IReadOnlyList<string> Derived =
        [ConversionRate, AverageOrderValue, RepeatRate, SalaryCostRatio];

    /// <summary>Raw counts that add up when one employee's day arrives from several shops.</summary>
    public static readonly IReadOnlySet<string> Additive =
        new HashSet<string> { Orders, Visitors, Revenue, RepeatOrders, Clicks };

    public static bool IsKnown(string name) => Raw.Contains(name) || Derived.Contains(name);
}
