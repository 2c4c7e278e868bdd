using EventHr.Domain.Alerts;
using EventHr.Domain.Reports;

namespace EventHr.Domain.Tests.Alerts;

public class AlertSweepTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;
    private static readonly AlertCondition CostHigh = new("cost", "yun/ops", "high", new Dictionary<string, decimal> { ["salaryCostRatio"] = 0.4m });

    [Fact]
    public void a_condition_opens_one_alert_and_an_open_alert_is_not_opened_again()
    {
        var first = AlertSweep.Decide([], [CostHigh], (_, _) => 0, T0);
        var opened = Alert.Create((AlertOpened)first.Single().Event);

        var second = AlertSweep.Decide([opened], [CostHigh], (_, _) => 1, T0);

        opened.AlertId.ShouldBe("cost:yun/ops:1");
        second.ShouldBeEmpty();
    }

    [Fact]
    public void a_cleared_condition_closes_and_a_later_one_opens_a_new_alert()
    {
        var opened = Alert.Create(new AlertOpened("cost:yun/ops:1", "cost", "yun/ops", "high", CostHigh.Figures, T0));

        var closing = AlertSweep.Decide([opened], [], (_, _) => 1, T0).Single();
        var reopening = AlertSweep.Decide([], [CostHigh], (_, _) => 1, T0).Single();

        closing.Event.ShouldBeOfType<AlertClosed>();
        ((AlertOpened)reopening.Event).AlertId.ShouldBe("cost:yun/ops:2");
    }
}

public class AlertConditionTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;
    private static readonly AlertRule CostRule = AlertRule.Defaults[AlertRule.Cost];

    private static GroupOverview MonthWith(params CostLine[] lines) => new("2026-12", [], [], lines, [], []);

    [Fact]
    public void salary_against_a_reported_revenue_of_zero_is_over_any_cost_threshold()
    {
        var conditions = AlertConditions.Cost(MonthWith(new CostLine("yun/ops", 3, 900m, 0m, null)), CostRule).ToList();

        conditions.Single().Undetermined.ShouldBeFalse();
        conditions.Single().Figures["revenue"].ShouldBe(0m);
    }

    [Fact]
    public void a_post_without_revenue_raises_no_cost_alert()
    {
        AlertConditions.Cost(MonthWith(new CostLine("yun/cs", 3, 900m, null, null)), CostRule).ShouldBeEmpty();
    }

    [Fact]
    public void on_the_first_days_of_a_month_with_nothing_tallied_an_open_cost_alert_stays_open()
    {
        var open = Alert.Create(new AlertOpened("cost:yun/ops:1", "cost", "yun/ops", "high", new Dictionary<string, decimal>(), T0));
        var conditions = AlertConditions.Cost(MonthWith(new CostLine("yun/ops", 3, 0m, null, null)), CostRule).ToList();

        conditions.Single().Undetermined.ShouldBeTrue();
        AlertSweep.Decide([open], conditions, (_, _) => 1, T0).ShouldBeEmpty();
        AlertSweep.Decide([], conditions, (_, _) => 0, T0).ShouldBeEmpty();   // nor does one open
    }
}
