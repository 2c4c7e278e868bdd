using EventHr.Domain.Kpi;
using EventHr.Domain.Reports;
using EventHr.Domain.Rules;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Tests.Reports;

/// <summary>The department head's calendar marks the low runs the early-warning rule counts (story 1: three days below half the target).</summary>
public class AttainmentCalendarTests
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Standard Orders = Standard.Create(new StandardPublished("yun", "ops", 1, new DateOnly(2026, 10, 1),
        new Dictionary<string, MetricTarget> { ["orders"] = new(10, TargetDirection.AtLeast) }, "hr", T0, new DateOnly(2026, 9, 25)));

    private static DayFigures Day(string date, int orders) => DayFigures.Of(DateOnly.Parse(date), new RawMetrics(Orders: orders), 9_000m);

    private static IReadOnlyList<CalendarDay> Calendar(string from, string to, params DayFigures[] days) =>
        AttainmentCalendar.Days(days, Orders.InForceOn, new RuleSettings(), DateOnly.Parse(from), DateOnly.Parse(to));

    [Fact]
    public void three_low_days_in_a_row_stand_out_and_two_do_not()
    {
        var days = Calendar("2026-11-01", "2026-11-08",
            Day("2026-11-01", 2), Day("2026-11-02", 3), Day("2026-11-03", 12),   // two low days, then a good one
            Day("2026-11-04", 4), Day("2026-11-05", 2), Day("2026-11-06", 1), Day("2026-11-07", 6));

        days.Where(d => d.InLowRun).Select(d => d.Date.Day).ShouldBe([4, 5, 6]);
        days[6].Met.ShouldBe(false);            // 6 of 10 misses the target but is not low (below 5)
        days[6].InLowRun.ShouldBeFalse();
        days[2].Attainment.ShouldBe(1.2m);
        days[2].Met.ShouldBe(true);
        days[7].Tallied.ShouldBeFalse();
        days[7].Attainment.ShouldBeNull();
    }

    [Fact]
    public void a_day_without_a_tally_does_not_break_a_run_and_a_run_begun_before_the_window_still_counts()
    {
        var days = Calendar("2026-11-03", "2026-11-06",
            Day("2026-11-01", 2), Day("2026-11-02", 2),                           // before the window
            Day("2026-11-04", 1), Day("2026-11-06", 9));                          // the 3rd is a day off

        days.Select(d => (d.Date.Day, d.InLowRun)).ShouldBe([(3, false), (4, true), (5, false), (6, false)]);
        days[1].Attainment.ShouldBe(0.1m);
    }

    [Fact]
    public void the_lowest_metric_gives_the_days_attainment_and_a_day_before_any_standard_has_none()
    {
        var two = Standard.Create(new StandardPublished("yun", "cs", 1, new DateOnly(2026, 11, 2),
            new Dictionary<string, MetricTarget> { ["orders"] = new(10, TargetDirection.AtLeast), ["avgResponseSeconds"] = new(30, TargetDirection.AtMost) },
            "hr", T0, new DateOnly(2026, 9, 25)));
        DayFigures[] tallied = [DayFigures.Of(new DateOnly(2026, 11, 1), new RawMetrics(Orders: 12), 9_000m),
            DayFigures.Of(new DateOnly(2026, 11, 2), new RawMetrics(Orders: 12, AvgResponseSeconds: 60), 9_000m)];

        var days = AttainmentCalendar.Days(tallied, two.InForceOn, new RuleSettings(), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2));

        days[0].Tallied.ShouldBeTrue();
        days[0].Attainment.ShouldBeNull();
        days[1].Attainment.ShouldBe(0.5m);      // 30 s allowed, 60 s taken
        days[1].Met.ShouldBe(false);
    }
}
