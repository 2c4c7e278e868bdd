using EventHr.Domain.Kpi;

namespace EventHr.Domain.Tests.Tallies;

public class DailyFiguresTests
{
    [Fact]
    public void derived_metrics_follow_the_api_definitions()
    {
        var d = DerivedMetrics.From(new RawMetrics(Orders: 3, Visitors: 150, Revenue: 960m, RepeatOrders: 1), monthlySalary: 10_000m);

        d.ConversionRate.ShouldBe(0.02m);
        d.AverageOrderValue.ShouldBe(320m);
        d.RepeatRate.ShouldBe(0.3333m);
        d.DailySalaryCost.ShouldBe(459.77m);     // 10,000 / 21.75 paid days
        d.SalaryCostRatio.ShouldBe(0.4789m);
    }

    [Fact]
    public void a_derived_metric_is_absent_when_its_denominator_is_zero_or_missing()
    {
        var d = DerivedMetrics.From(new RawMetrics(Orders: 0, Visitors: 0), monthlySalary: 8_000m);

        d.ConversionRate.ShouldBeNull();
        d.AverageOrderValue.ShouldBeNull();
        d.RepeatRate.ShouldBeNull();
        d.SalaryCostRatio.ShouldBeNull();
    }

    [Fact]
    public void rows_of_several_shops_add_counts_and_average_scores()
    {
        var combined = RawMetrics.Combine([
            new RawMetrics(Orders: 3, Visitors: 100, Revenue: 300m, Csat: 90m),
            new RawMetrics(Orders: 2, Visitors: 50, Csat: 80m, AvgResponseSeconds: 30m)
        ]);

        combined.Orders.ShouldBe(5);
        combined.Visitors.ShouldBe(150);
        combined.Revenue.ShouldBe(300m);
        combined.Csat.ShouldBe(85m);
        combined.AvgResponseSeconds.ShouldBe(30m);
        combined.Clicks.ShouldBeNull();
    }
}
