using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Assessment;
using EventHr.Domain.Cases.Opening;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Kpi;
using EventHr.Domain.Rules;
using EventHr.Domain.Standards;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Cases;

public class RuleAndAssessmentTests
{
    private static readonly RuleSettings Rules = new();

    private static List<DayFigures> Days(params int[] orders) => orders.Select((o, i) =>
        DayFigures.Of(new DateOnly(2026, 11, 2).AddDays(i), new RawMetrics(Orders: o, Visitors: 150, Clicks: 400), 10_000m)).ToList();

    [Theory]
    [InlineData(new[] { 2, 3, 2 }, true)]       // story 1: three consecutive days under 5 (50% of 10)
    [InlineData(new[] { 2, 3 }, false)]         // two days are not yet a pattern
    [InlineData(new[] { 2, 6, 2, 2 }, false)]   // a good day breaks the streak... 
    [InlineData(new[] { 2, 6, 2, 2, 2 }, true)] // ...and a new streak of three counts again
    [InlineData(new[] { 2, 2, 5 }, false)]      // exactly 50% is not below it
    public void three_consecutive_low_days_breach_the_rule(int[] orders, bool breached)
    {
        var breaches = LowPerformanceRule.Evaluate(Days(orders), Standard(), Rules);

        (breaches.Count == 1).ShouldBe(breached);
        if (breached) breaches[0].Dates[^1].ShouldBe(new DateOnly(2026, 11, 2).AddDays(orders.Length - 1));
    }

    [Theory]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2 }, false)]      // one long slump is one pattern, already on record
    [InlineData(new[] { 2, 2, 2, 9, 2, 2, 2 }, true)]    // a recovery, then a relapse: a new breach attaches
    public void a_continuing_slump_attaches_nothing_a_relapse_does(int[] orders, bool attaches)
    {
        var open = PerformanceCase.Create(new PerformanceCaseOpened("E1001-1", "E1001", "yun", "ops", "d", "M", "H",
            new DateOnly(2026, 11, 4), [], T0));

        var breaches = LowPerformanceRule.Evaluate(Days(orders), Standard(), Rules);

        (CaseOpening.Attach(open, breaches, T0) is not null).ShouldBe(attaches);
    }

    [Fact]
    public void at_most_targets_breach_when_the_value_exceeds_target_over_share()
    {
        var standard = Domain.Standards.Standard.Create(new StandardPublished("mid", "cs", 1, new DateOnly(2026, 11, 1),
            new Dictionary<string, MetricTarget> { ["avgResponseSeconds"] = new(30, TargetDirection.AtMost) }, "hr", T0, new DateOnly(2026, 10, 1)));
        var days = new[] { 61m, 75m, 90m }.Select((s, i) =>
            DayFigures.Of(new DateOnly(2026, 11, 2).AddDays(i), new RawMetrics(AvgResponseSeconds: s), 8_000m)).ToList();

        var breach = LowPerformanceRule.Evaluate(days, standard, Rules).Single();

        breach.Threshold.ShouldBe(60m);
        breach.Values.ShouldBe([61m, 75m, 90m]);
    }

    [Fact]
    public void the_draft_halves_the_standard_over_fourteen_days_from_the_next_day()
    {
        var breaches = LowPerformanceRule.Evaluate(Days(2, 3, 2), Standard(), Rules);

        var draft = PipDrafting.Draft("E1001-1", breaches, Days(2, 3, 2), new PipDrafting.PeerReference(null, null), Rules,
            new DateOnly(2026, 11, 4), T0);

        draft.Targets["orders"].Target.ShouldBe(5m);
        draft.From.ShouldBe(new DateOnly(2026, 11, 5));
        draft.Until.ShouldBe(new DateOnly(2026, 11, 18));
        draft.Baseline["orders"].ShouldBe(2.3333m);
    }

    [Theory]
    [InlineData(600, 0.01, 300, 0.03, Diagnosis.ProductPage)]        // clicks high, conversion low → product page
    [InlineData(200, 0.01, 300, 0.03, Diagnosis.PromotionStrategy)]  // both low → promotion strategy
    public void diagnosis_reads_clicks_against_conversion(int clicks, double conversion, int peerClicks, double peerConversion, string kind)
    {
        var visitors = 1000;
        var days = new List<DayFigures> { DayFigures.Of(new DateOnly(2026, 11, 2),
            new RawMetrics(Orders: (int)(visitors * conversion), Visitors: visitors, Clicks: clicks), 10_000m) };

        Diagnosis.For("orders", days, peerClicks, (decimal)peerConversion).Diagnosis.ShouldBe(kind);
        Diagnosis.For("avgResponseSeconds", days, null, null).Diagnosis.ShouldBe(Diagnosis.ServiceResponse);
    }

    private static Plan PlanWith(decimal target) => new(1, new Dictionary<string, PipTarget> { ["orders"] = new(target, TargetDirection.AtLeast) },
        new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4), [], new Dictionary<string, decimal> { ["orders"] = 2 }, "yun", "ops", 1, false, true);

    [Theory]
    [InlineData(5, new[] { 5, 6, 5 }, AssessmentOutcomes.Met)]
    [InlineData(10, new[] { 6, 6, 6 }, AssessmentOutcomes.Improving)]   // story 4: 2 → 6 against 10
    [InlineData(10, new[] { 2, 3, 2 }, AssessmentOutcomes.Missed)]
    public void the_period_is_met_improving_or_missed(decimal target, int[] orders, string outcome)
    {
        var assessed = PeriodAssessment.Assess("E1001-1", PlanWith(target), Days(orders), [], Rules with { MinTalliedDays = 3 }, T0)!;

        assessed.Outcome.ShouldBe(outcome);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 2 }, AssessmentOutcomes.TooFewDays)]   // G12: three tallied days are not a fair trial (default 10)
    [InlineData(new[] { 5, 6, 5 }, AssessmentOutcomes.Met)]          // meeting the targets needs no minimum
    public void a_missed_period_on_too_few_tallied_days_is_not_a_finding(int[] orders, string outcome)
    {
        var assessed = PeriodAssessment.Assess("E1001-1", PlanWith(5), Days(orders), [], Rules, T0)!;

        assessed.Outcome.ShouldBe(outcome);
    }

    [Fact]
    public void a_period_without_any_tally_is_not_assessed() =>
        PeriodAssessment.Assess("E1001-1", PlanWith(5), [], [], Rules, T0).ShouldBeNull();
}

public class RuleCandidatesTests
{
    private static readonly RuleSettings Rules = new();
    private static readonly DateOnly Day = new(2026, 11, 11);
    private static readonly StandardVersion Orders10 = Law.LawFixtures.Standard().Versions[0];

    [Theory]
    [InlineData(2, null, false, null, true)]        // a low day, no case: look
    [InlineData(9, null, false, null, false)]       // a good day, no case: skip
    [InlineData(9, "2026-11-10", true, "2026-11-11", true)]   // plan period ends today: look, whatever the day
    [InlineData(2, "2026-11-10", false, null, false)]         // breach recorded yesterday: no new pattern possible yet
    [InlineData(2, "2026-11-08", false, null, true)]          // three days since the last breach: a new pattern may attach
    public void only_days_that_can_change_something_are_evaluated(int orders, string? lastBreach, bool planActive, string? until, bool expected)
    {
        var open = lastBreach is null ? null
            : new RuleCandidates.OpenCase(planActive, until is null ? null : DateOnly.Parse(until), DateOnly.Parse(lastBreach));

        RuleCandidates.NeedsEvaluation(new RawMetrics(Orders: orders), Day, () => LowRowFilter.For(Orders10, Rules), Rules, open)
            .ShouldBe(expected);
    }
}
