using EventHr.Domain.Kpi;
using EventHr.Domain.Rules;

namespace EventHr.Domain.Cases.Plans;

/// <summary>
/// Story 3: what a weak metric most likely means and which course helps. Clicks high but conversion
/// low points at the product page; clicks and conversion both low at the promotion strategy.
/// "High" and "low" compare the employee with same-post peers over the same days.
/// </summary>
public static class Diagnosis
{
    public const string ProductPage = "product-page";
    public const string PromotionStrategy = "promotion-strategy";
    public const string ServiceResponse = "service-response";
    public const string ServiceQuality = "service-quality";
    public const string CustomerRetention = "customer-retention";

    public static readonly IReadOnlyDictionary<string, string> Courses = new Dictionary<string, string>
    {
        [ProductPage] = "详情页优化 Product page optimisation",
        [PromotionStrategy] = "推广技巧 Promotion technique",
        [ServiceResponse] = "客服响应效率 Response-time training",
        [ServiceQuality] = "服务质量与满意度 Service quality training",
        [CustomerRetention] = "客户关系维护 Customer retention",
    };

    /// <param name="employee">the employee's days in the warning window</param>
    /// <param name="peerClicks">same brand × post average daily clicks over those days, when known</param>
    /// <param name="peerConversion">same brand × post average conversion over those days, when known</param>
    public static SupportMeasure For(string metric, IReadOnlyList<DayFigures> employee, decimal? peerClicks, decimal? peerConversion)
    {
        var kind = metric switch
        {
            Metrics.AvgResponseSeconds => ServiceResponse,
            Metrics.Csat => ServiceQuality,
            Metrics.RepeatRate or Metrics.RepeatOrders => CustomerRetention,
            Metrics.DwellSeconds => ProductPage,
            _ => SalesKind(employee, peerClicks, peerConversion)
        };
        return new SupportMeasure(metric, kind, Courses[kind]);
    }

    private static string SalesKind(IReadOnlyList<DayFigures> employee, decimal? peerClicks, decimal? peerConversion)
    {
        var clicks = DayFigures.Average(employee, Metrics.Clicks);
        var conversion = DayFigures.Average(employee, Metrics.ConversionRate);
        var clicksHigh = clicks is not null && peerClicks is not null && clicks > peerClicks;
        var conversionLow = conversion is null || peerConversion is null || conversion < peerConversion;
        return clicksHigh && conversionLow ? ProductPage : PromotionStrategy;
    }
}
