using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Cases.Progress;
using EventHr.Domain.Kpi;
using EventHr.Domain.Rules;
using EventHr.Domain.Standards;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Cases;

/// <summary>The rules' day step over preloaded data: open, attach, assess, in date order on the case as decided so far.</summary>
public sealed class TalliedDaysTests
{
    private static readonly DateOnly Nov2 = new(2026, 11, 2);
    private static readonly OpeningFacts Facts = new(new PipDrafting.PeerReference(400m, 0.05m), EarlierCases: 1);

    private static List<DayFigures> Days(DateOnly from, params int[] orders) => orders.Select((o, i) =>
        DayFigures.Of(from.AddDays(i), new RawMetrics(Orders: o, Visitors: 150, Clicks: 400), 10_000m)).ToList();

    private static TalliedOutcome Decide(TalliedEmployee input, OpeningFacts? facts = null) =>
        TalliedDays.Decide(input, (_, _) => Standard(), (_, _) => new RuleSettings { MinTalliedDays = 7 }, _ => facts ?? Facts, T0);

    private static TalliedEmployee Batch(List<DayFigures> history, int lastDays, PerformanceCase? open = null, PlanPeriod? period = null) =>
        new(Hire(), history.TakeLast(lastDays).Select(d => d.Date).ToList(), history, open, period);

    [Fact]
    public void the_third_low_day_opens_the_next_case_with_warning_and_drafted_plan()
    {
        var outcome = Decide(Batch(Days(Nov2, 2, 3, 2), 1));

        outcome.Opens.ShouldBeTrue();
        outcome.CaseId.ShouldBe("E1001-2");   // one earlier case
        outcome.Events.Select(e => e.GetType()).ShouldBe([typeof(PerformanceCaseOpened), typeof(WarningRaised), typeof(PipDrafted)]);
        ((WarningRaised)outcome.Events[1]).Recipients.ShouldBe(["hr-li", "M01"]);
    }

    [Fact]
    public void a_case_that_would_open_asks_for_the_peer_figures_of_its_warning_days_first()
    {
        var outcome = TalliedDays.Decide(Batch(Days(Nov2, 2, 3, 2), 1), (_, _) => Standard(), (_, _) => new RuleSettings(), _ => null, T0);

        outcome.Events.ShouldBeEmpty();
        outcome.NeedsOpeningFacts.ShouldBe(new PeerWindow("yun", "ops", Nov2, Nov2.AddDays(2)));
    }

    [Theory]
    [InlineData(new[] { 2, 3 })]          // two low days are not yet a pattern
    [InlineData(new[] { 2, 9, 2 })]       // a good day breaks the streak
    public void no_pattern_decides_nothing(int[] orders) =>
        Decide(Batch(Days(Nov2, orders), orders.Length)).ShouldBe(TalliedOutcome.Nothing);

    [Fact]
    public void a_batch_of_several_days_opens_once_and_a_continuing_slump_attaches_nothing()
    {
        var outcome = Decide(Batch(Days(Nov2, 2, 2, 2, 2, 2), 5));

        outcome.Events.OfType<PerformanceCaseOpened>().Count().ShouldBe(1);
        outcome.Events.OfType<BreachAttached>().ShouldBeEmpty();
    }

    [Fact]
    public void a_relapse_after_recovery_attaches_to_the_open_case()
    {
        var outcome = Decide(Batch(Days(Nov2, 2, 2, 2, 9, 2, 2, 2), 1, Opened()));

        outcome.Opens.ShouldBeFalse();
        outcome.Events.Single().ShouldBeOfType<BreachAttached>().BusinessDate.ShouldBe(Nov2.AddDays(6));
    }

    [Theory]
    [InlineData(6, typeof(PipPassed))]               // the plan's target of 5 orders met
    [InlineData(2, typeof(IncompetenceFound))]       // missed, no improvement: finding #1
    public void the_plan_periods_last_tallied_day_is_assessed(int orders, Type outcomeType)
    {
        var plan = ActivePlan();
        var period = Days(new DateOnly(2026, 11, 5), Enumerable.Repeat(orders, 7).ToArray());
        var input = new TalliedEmployee(Hire(), [new DateOnly(2026, 11, 11)], period, plan,
            new PlanPeriod(period, period.Select(d => $"src:{d.Date:MMdd}").ToList()));

        var outcome = Decide(input);

        // A low period is also a new low pattern since the warning: it attaches before the assessment.
        outcome.Events.OfType<PipAssessed>().Single().SourceIds.Count.ShouldBe(7);
        outcome.Events[^1].ShouldBeOfType(outcomeType);
    }

    [Fact]
    public void without_the_periods_figures_nothing_is_assessed()
    {
        var period = Days(new DateOnly(2026, 11, 5), 6, 6, 6, 6, 6, 6, 6);
        Decide(new TalliedEmployee(Hire(), [new DateOnly(2026, 11, 11)], period, ActivePlan(), null)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void someone_who_has_left_is_not_evaluated()
    {
        var left = Hire().Apply(new Domain.Staff.EmploymentEnded("E1001", "resignation", Nov2, "x", null, "hr", T0));
        Decide(new TalliedEmployee(left, [Nov2.AddDays(2)], Days(Nov2, 2, 2, 2), null, null)).ShouldBe(TalliedOutcome.Nothing);
    }

    [Fact]
    public void a_case_may_be_assessed_only_when_a_day_reaches_its_plans_end()
    {
        TalliedDays.MayAssess(ActivePlan(), [new DateOnly(2026, 11, 10)]).ShouldBeFalse();
        TalliedDays.MayAssess(ActivePlan(), [new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 11)]).ShouldBeTrue();
        TalliedDays.MayAssess(Opened(), [new DateOnly(2026, 11, 30)]).ShouldBeFalse();
    }

    /// <summary>A plan of "orders ≥ 5" from 11-05 to 11-11, acknowledged.</summary>
    private static PerformanceCase ActivePlan() => Opened()
        .Apply(new PipSet("E1001-1", 1, new Dictionary<string, PipTarget> { ["orders"] = new(5, TargetDirection.AtLeast) },
            new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 11), [], new Dictionary<string, decimal> { ["orders"] = 2 }, "yun", "ops", 1, "hr", T0))
        .Apply(new PipAcknowledged("E1001-1", 1, "yun", "ops", 1, "self", null, "E1001", T0));
}
