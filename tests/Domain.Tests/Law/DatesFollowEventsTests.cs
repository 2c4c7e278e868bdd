using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Cases.Remedies;
using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Standards;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Law;

/// <summary>G12 (dates follow events) and G13 (fair targets): each loophole the law review found is closed.</summary>
public class DatesFollowEventsTests
{
    private static readonly Actor Hr = new("hr-li", "hr");
    private static readonly LawSettings Law = new();
    private static readonly DateOnly Nov4 = new(2026, 11, 4);

    private static SetPip Plan(string from, string until, decimal orders = 5) =>
        new(new Dictionary<string, decimal> { ["orders"] = orders }, DateOnly.Parse(from), DateOnly.Parse(until), null);

    private static Result<PipSet> SetFirst(SetPip plan, DateOnly today) =>
        PlanDecisions.Set(Opened(), Hire(), Standard(), plan, Law, today, Hr, T0);

    [Theory]
    [InlineData("2026-11-05", "2026-11-18", null)]                      // 14 days from tomorrow
    [InlineData("2026-11-03", "2026-11-18", "from")]                    // starts before today: before anyone could acknowledge it
    [InlineData("2026-11-05", "2026-11-11", "plan-length")]             // 7 days: shorter than the 14-day minimum
    public void a_plan_starts_from_today_and_lasts_the_minimum(string from, string until, string? refused)
    {
        var result = SetFirst(Plan(from, until), Nov4);

        if (refused is null) result.IsOk.ShouldBeTrue();
        else (result.Refusal!.Missing?.Single() ?? result.Refusal.Errors!.ToDictionary().Keys.Single()).ShouldBe(refused);
    }

    [Theory]
    [InlineData(10, null)]                   // the standard itself
    [InlineData(5, null)]                    // milder
    [InlineData(12, "targets.orders")]       // stricter than the acknowledged standard
    public void a_plans_target_is_never_stricter_than_the_standard(decimal orders, string? refused)
    {
        var result = SetFirst(Plan("2026-11-05", "2026-11-18", orders), Nov4);

        if (refused is null) result.IsOk.ShouldBeTrue();
        else result.Refusal!.Missing.ShouldBe([refused]);
    }

    [Fact]
    public void a_plan_may_not_judge_the_salary_cost_ratio_or_a_metric_the_standard_does_not_set()
    {
        var plan = new SetPip(new Dictionary<string, decimal> { ["orders"] = 5, ["salaryCostRatio"] = 0.3m, ["csat"] = 4 },
            new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 18), null);

        var result = SetFirst(plan, Nov4);

        result.Refusal!.Guard.ShouldBe(PlanDecisions.TargetsGuard);
        result.Refusal.Missing.ShouldBe(["targets.salaryCostRatio", "targets.csat"], ignoreOrder: true);
    }

    [Fact]
    public void a_plan_acknowledged_after_its_period_began_is_refused()
    {
        var c = Opened().Apply(SetFirst(Plan("2026-11-05", "2026-11-18"), Nov4).Value!);
        var employee = Hire().Apply(new EventHr.Domain.Staff.StandardAcknowledged("E1001", "yun", "ops", 1, "self", "E1001", T0));

        PlanDecisions.Acknowledge(c, employee, Standard(), new AcknowledgePip(null), true, new DateOnly(2026, 11, 6), Hr, T0).Refusal!.Missing
            .ShouldBe(["plan-start"]);
        PlanDecisions.Acknowledge(c, employee, Standard(), new AcknowledgePip(null), true, Nov4, Hr, T0).IsOk.ShouldBeTrue();
    }

    [Fact]
    public void the_second_plan_starts_after_the_first_and_once_the_remedy_is_in_effect()
    {
        // Finding #1 on the 7-day fixture plan (11-05..11-11), then training completed on 11-12.
        var c = Walk(finding2: false);
        var today = new DateOnly(2026, 11, 10);

        PlanDecisions.Set(c, Hire(), Standard(), Plan("2026-11-10", "2026-11-23"), Law, today, Hr, T0).Refusal!.Missing
            .ShouldBe(["after-first-plan", "after-remedy"]);
        PlanDecisions.Set(c, Hire(), Standard(), Plan("2026-11-12", "2026-11-25"), Law, today, Hr, T0).Refusal!.Missing.ShouldBe(["after-remedy"]);
        PlanDecisions.Set(c, Hire(), Standard(), Plan("2026-11-13", "2026-11-26"), Law, today, Hr, T0).IsOk.ShouldBeTrue();
    }

    [Fact]
    public void a_course_without_a_metric_is_support_not_the_remedy()
    {
        var afterFinding = Walk(remedy: null, finding2: false)
            .Apply(new TrainingAssigned("E1001-1", 1, "职场礼仪", null, new DateOnly(2026, 11, 12), "hr", T0.AddDays(11)))
            .Apply(new TrainingCompleted("E1001-1", 1, new DateOnly(2026, 11, 12), "hr", T0.AddDays(11)));

        Art40Termination.RemedyAfter(afterFinding, afterFinding.Findings[0]).ShouldBeNull();   // was mapped to the failing metric
        Trainings.Assign(Opened(), new AssignTraining("x", new DateOnly(2026, 11, 12), null), new DateOnly(2026, 11, 12), Hr, T0).Value!.Metric
            .ShouldBeNull();
    }

    [Fact]
    public void a_training_is_completed_between_its_date_and_today()
    {
        var c = Opened().Apply(new TrainingAssigned("E1001-1", 1, "推广技巧", "orders", new DateOnly(2026, 11, 12), "hr", T0));

        Trainings.Complete(c, 1, new CompleteTraining(new DateOnly(2026, 11, 20)), new DateOnly(2026, 11, 15), Hr, T0).Refusal!.Errors!
            .ToDictionary().Keys.ShouldBe(["completedOn"]);
        Trainings.Complete(c, 1, new CompleteTraining(new DateOnly(2026, 11, 14)), new DateOnly(2026, 11, 15), Hr, T0).IsOk.ShouldBeTrue();
        Trainings.Assign(c, new AssignTraining("x", new DateOnly(2026, 11, 1), "orders"), new DateOnly(2026, 11, 15), Hr, T0).Refusal!.Errors!
            .ToDictionary().Keys.ShouldBe(["scheduledOn"]);
    }

    public static TheoryData<string, DecideCase, DateOnly, string[]> NoticeOutOfOrder
    {
        get
        {
            // Walk()'s finding #2 is recorded on 2026-11-21.
            DecideCase Notice(string served, string union, NoticeDelivery? delivery) => new("terminate", "仍不能胜任", null, null, null, null, null,
                DateOnly.Parse(union), "30-days", DateOnly.Parse(served), delivery);
            var receipt = new NoticeDelivery("in-person", "签收单 2026-11");
            return new()
            {
                { "served before finding #2", Notice("2026-11-20", "2026-11-19", receipt), new DateOnly(2026, 11, 25), ["notice-after-finding-2", "union-notified"] },
                { "finding #2 older than 60 days", Notice("2027-01-25", "2027-01-24", receipt), new DateOnly(2027, 1, 25), ["notice-after-finding-2"] },
                { "union told before finding #2 gave the reasons", Notice("2026-11-25", "2026-11-20", receipt), new DateOnly(2026, 11, 25), ["union-notified"] },
                { "no delivery record", Notice("2026-11-25", "2026-11-24", null), new DateOnly(2026, 11, 25), ["notice"] },
            };
        }
    }

    [Theory, MemberData(nameof(NoticeOutOfOrder))]
    public void notice_follows_finding_two_while_it_is_recent_the_union_hears_in_between_and_delivery_is_recorded(string situation, DecideCase d,
        DateOnly today, string[] missing)
    {
        var result = TerminationDecision.Terminate(Walk(), Hire(), d, LawOf(), today, Hr, T0);

        result.IsOk.ShouldBeFalse(situation);
        result.Refusal!.Missing.ShouldBe(missing, situation);
    }

    [Fact]
    public void notice_cannot_be_recorded_as_served_in_the_future()
    {
        var d = new DecideCase("terminate", "x", null, null, null, null, null, new DateOnly(2026, 11, 24), "30-days", new DateOnly(2026, 11, 26),
            new NoticeDelivery("email", "msg-1"));

        TerminationDecision.Terminate(Walk(), Hire(), d, LawOf(), new DateOnly(2026, 11, 25), Hr, T0).Refusal!.Errors!.ToDictionary().Keys
            .ShouldBe(["servedOn"]);
    }

    [Fact]
    public void a_finding_on_too_few_tallied_days_is_refused()
    {
        var c = Opened().Apply(SetFirst(Plan("2026-11-05", "2026-11-18"), Nov4).Value!)
            .Apply(new PipAssessed("E1001-1", 1, new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 18), AssessmentOutcomes.TooFewDays,
                [new MetricResult("orders", new PipTarget(5, TargetDirection.AtLeast), 2, 2, 4, false, 0)], [], T0));

        c.Status.ShouldBe(CaseStatus.AwaitingDecision);
        ManagerDecisions.Finding(c, new DecideCase("finding", "x", null, null, null, null, null, null, null, null), Hr, T0).Refusal!.Guard
            .ShouldBe(ManagerDecisions.TooFewDaysGuard);
    }

    [Fact]
    public void a_standard_acknowledged_after_the_period_began_does_not_bind_it_g1()
    {
        var late = Hire().Apply(new EventHr.Domain.Staff.StandardAcknowledged("E1001", "yun", "ops", 1, "self", "E1001", T0.AddDays(5)));   // 11-06
        var onTime = Hire().Apply(new EventHr.Domain.Staff.StandardAcknowledged("E1001", "yun", "ops", 1, "self", "E1001", T0.AddDays(4)));  // 11-05

        StandardProvenance.Check(late, Standard(), "yun", "ops", new DateOnly(2026, 11, 5)).Satisfied.ShouldBeFalse();
        StandardProvenance.Check(onTime, Standard(), "yun", "ops", new DateOnly(2026, 11, 5)).Satisfied.ShouldBeTrue();   // its own day counts
    }

    [Fact]
    public void no_finding_under_a_standard_flagged_unfair_until_hr_has_reviewed_it_g3()
    {
        var flag = new EventHr.Domain.Alerts.Alert("alert:f", "fairness:yun/ops:1", "fairness", "yun/ops", "open", "60% miss", new Dictionary<string, decimal>(),
            T0.AddDays(3), null);
        var reviewedBefore = Standard() with { LastReviewedAt = T0.AddDays(1) };
        var reviewedAfter = Standard() with { LastReviewedAt = T0.AddDays(5) };

        EventHr.Domain.Standards.Standard.UnderReview(Standard(), [flag], "yun", "ops").ShouldBeTrue();
        EventHr.Domain.Standards.Standard.UnderReview(reviewedBefore, [flag], "yun", "ops").ShouldBeTrue();   // the flag came after that review
        EventHr.Domain.Standards.Standard.UnderReview(reviewedAfter, [flag], "yun", "ops").ShouldBeFalse();
        EventHr.Domain.Standards.Standard.UnderReview(Standard(), [flag], "yun", "cs").ShouldBeFalse();

        var c = Opened().Apply(SetFirst(Plan("2026-11-05", "2026-11-18"), Nov4).Value!)
            .Apply(new PipAssessed("E1001-1", 1, new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 18), AssessmentOutcomes.UnderReview,
                [new MetricResult("orders", new PipTarget(5, TargetDirection.AtLeast), 2, 2, 14, false, 0)], [], T0));
        c.Status.ShouldBe(CaseStatus.AwaitingDecision);
        var finding = new DecideCase("finding", "x", null, null, null, null, null, null, null, null);
        ManagerDecisions.Finding(c, finding, Hr, T0, standardUnderReview: true).Refusal!.Guard.ShouldBe(ManagerDecisions.UnderReviewGuard);
        ManagerDecisions.Finding(c, finding, Hr, T0, standardUnderReview: false).IsOk.ShouldBeTrue();
    }

    [Fact]
    public void a_missed_period_under_an_unreviewed_standard_waits_for_a_decision_instead_of_a_finding()
    {
        var plan = new Plan(1, new Dictionary<string, PipTarget> { ["orders"] = new(5, TargetDirection.AtLeast) }, new DateOnly(2026, 11, 5),
            new DateOnly(2026, 11, 18), [], new Dictionary<string, decimal> { ["orders"] = 2 }, "yun", "ops", 1, false, true);
        var active = Opened() with { Status = CaseStatus.PlanActive, Plan = plan };
        var days = Enumerable.Range(0, 14).Select(i => EventHr.Domain.Rules.DayFigures.Of(new DateOnly(2026, 11, 5).AddDays(i),
            new EventHr.Domain.Kpi.RawMetrics(Orders: 2, Visitors: 150), 10_000m)).ToList();

        var events = EventHr.Domain.Cases.Assessment.PeriodEnd.OnTallied(active, new DateOnly(2026, 11, 18), days, [], new EventHr.Domain.Rules.RuleSettings(),
            T0, standardUnderReview: true);

        events.Single().ShouldBeOfType<PipAssessed>().Outcome.ShouldBe(AssessmentOutcomes.UnderReview);
    }

    [Fact]
    public void g1_compares_the_acknowledgements_business_day_in_the_brands_zone_not_its_utc_day()
    {
        // 07:00 in Beijing on 11-05 is still 11-04 in UTC.
        var early = new DateTimeOffset(2026, 11, 5, 7, 0, 0, TimeSpan.FromHours(8));
        var employee = Hire().Apply(new EventHr.Domain.Staff.StandardAcknowledged("E1001", "yun", "ops", 1, "self", "E1001", early.ToUniversalTime(),
            new DateOnly(2026, 11, 5)));

        StandardProvenance.Check(employee, Standard(), "yun", "ops", new DateOnly(2026, 11, 4)).Satisfied.ShouldBeFalse();
        StandardProvenance.Check(employee, Standard(), "yun", "ops", new DateOnly(2026, 11, 5)).Satisfied.ShouldBeTrue();
    }
}
