using EventHr.Domain.Kpi;
using EventHr.Domain.Reports;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Tests.Reports;

/// <summary>Story 6's month arithmetic on the edges: month-end leavers, moves mid-month, leavings recorded late.</summary>
public class GroupOverviewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly November = new(2026, 11, 1);

    private static Employee Hire(string id, string post = "ops", string region = "east") =>
        Employee.Create(new EmployeeHired(id, id, "yun", region, "d1", post, "M01", "hr", new DateOnly(2026, 10, 1), 9_000m,
            new ContractTerms(true, null), "hr", T0));

    private static Employee Leave(Employee e, string date) =>
        e.Apply(new EmploymentEnded(e.EmployeeId, "resignation", DateOnly.Parse(date), "个人原因", null, "hr", T0));

    private static Standard OrdersStandard(string post) => Standard.Create(new StandardPublished("yun", post, 1, new DateOnly(2026, 10, 1),
        new Dictionary<string, MetricTarget> { ["orders"] = new(10, TargetDirection.AtLeast) }, "hr", T0, new DateOnly(2026, 9, 25)));

    private static DayFigures Day(string date, int orders, decimal revenue) =>
        DayFigures.Of(DateOnly.Parse(date), new RawMetrics(Orders: orders, Revenue: revenue), 9_000m);

    private static GroupOverview Build(DateOnly month, IReadOnlyList<Employee> staff, Dictionary<string, List<DayFigures>>? days = null) =>
        GroupOverviews.Build(month, staff, days ?? new Dictionary<string, List<DayFigures>>(), (_, post) => OrdersStandard(post));

    [Fact]
    public void someone_leaving_on_the_months_last_day_counts_at_its_start_not_at_its_end_nor_at_the_next_start()
    {
        var staff = new[] { Hire("A"), Leave(Hire("B"), "2026-11-30") };

        var november = Build(November, staff).TurnoverByRegion.Single();
        var december = Build(November.AddMonths(1), staff).TurnoverByRegion.Single();

        november.HeadcountAtStart.ShouldBe(2);
        november.HeadcountAtEnd.ShouldBe(1);
        november.Separations.ShouldBe(1);
        november.Turnover.ShouldBe(Math.Round(1 / 1.5m, 4));
        december.HeadcountAtStart.ShouldBe(november.HeadcountAtEnd);
        december.Separations.ShouldBe(0);
    }

    [Fact]
    public void days_before_a_mid_month_move_count_for_the_post_held_on_them()
    {
        var moved = Hire("E").Apply(new PostChanged("E", "ops", "cs", new DateOnly(2026, 11, 15), null, "hr", T0));
        var days = new Dictionary<string, List<DayFigures>>
        {
            ["E"] = [Day("2026-11-10", 2, 100m), Day("2026-11-20", 12, 1_000m)],
        };

        var overview = Build(November, [moved], days);

        var ops = overview.Attainment.Single(l => l.PostId == "ops");
        var cs = overview.Attainment.Single(l => l.PostId == "cs");
        (ops.TargetsEvaluated, ops.TargetsMet, ops.Headcount).ShouldBe((1, 0, 0));   // the weak ops day stays with ops
        (cs.TargetsEvaluated, cs.TargetsMet, cs.Headcount).ShouldBe((1, 1, 1));
        overview.SalaryCostByBrandPost.Single(l => l.Key == "yun/ops").Revenue.ShouldBe(100m);
        overview.SalaryCostByBrandPost.Single(l => l.Key == "yun/cs").Revenue.ShouldBe(1_000m);
    }

    [Fact]
    public void tallies_after_a_leaving_recorded_late_are_not_counted()
    {
        var left = Leave(Hire("L"), "2026-11-15");
        var days = new Dictionary<string, List<DayFigures>> { ["L"] = [Day("2026-11-14", 2, 100m), Day("2026-11-16", 2, 100m)] };

        var overview = Build(November, [left], days);

        overview.Attainment.Single().TargetsEvaluated.ShouldBe(1);
        overview.SalaryCostByRegion.Single().Revenue.ShouldBe(100m);
    }

    [Fact]
    public void a_post_whose_tallies_carry_no_revenue_has_no_revenue_rather_than_zero()
    {
        var days = new Dictionary<string, List<DayFigures>>
        {
            ["C"] = [DayFigures.Of(new DateOnly(2026, 11, 3), new RawMetrics(AvgResponseSeconds: 30), 9_000m)],
        };

        var line = Build(November, [Hire("C", post: "cs")], days).SalaryCostByBrandPost.Single();

        line.Revenue.ShouldBeNull();
        line.SalaryCostRatio.ShouldBeNull();
        line.SalaryCost.ShouldBeGreaterThan(0m);
    }
}
