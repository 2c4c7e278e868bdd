using EventHr.Domain.Alerts;

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
