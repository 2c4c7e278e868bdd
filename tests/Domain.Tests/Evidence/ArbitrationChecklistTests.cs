using EventHr.Domain.Alerts;
using EventHr.Domain.Cases;
using EventHr.Domain.Evidence;
using EventHr.Domain.Evidence.Checklist;
using EventHr.Domain.Law;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Domain.Tests.Law;

namespace EventHr.Domain.Tests.Evidence;

/// <summary>The checklist over recorded histories: the elements the HTTP tests do not reach.</summary>
public sealed class ArbitrationChecklistTests
{
    private static readonly DateTimeOffset T0 = LawFixtures.T0;

    private static IReadOnlyList<Recorded> Stream(string id, params object[] events) =>
        events.Select((e, i) => new Recorded(id, i + 1, i + 1, T0.AddHours(i), "hr-li", e.GetType().Name, e)).ToList();

    private static IReadOnlyList<Recorded> EmployeeHistory() => Stream("employee:E1001",
        new EmployeeHired("E1001", "王小明", "yun", "east", "ops-east", "ops", "M01", "hr-li", new DateOnly(2026, 11, 1), 10_000,
            new ContractTerms(false, 6_000), "hr-li", T0, new EventHr.Domain.Staff.Employment.EmploymentFacts(City: LawFixtures.City)),
        new StandardAcknowledged("E1001", "yun", "ops", 1, "self", "E1001", T0.AddHours(1)));

    private static IReadOnlyList<Recorded> PlanInEffect() => Stream("case:E1001-1",
        new PerformanceCaseOpened("E1001-1", "E1001", "yun", "ops", "ops-east", "M01", "hr-li", new DateOnly(2026, 11, 4), [], T0.AddDays(3)),
        new PipSet("E1001-1", 1, new Dictionary<string, PipTarget> { ["orders"] = new(5, TargetDirection.AtLeast) }, new DateOnly(2026, 11, 5),
            new DateOnly(2026, 11, 11), [], new Dictionary<string, decimal>(), "yun", "ops", 1, "hr-li", T0.AddDays(3)),
        new PipAcknowledged("E1001-1", 1, "yun", "ops", 1, "self", null, "E1001", T0.AddDays(4)));

    private static Dictionary<string, LegalElement> Build(IReadOnlyList<Recorded> caseEvents, IReadOnlyList<Alert>? flags = null,
        IReadOnlyList<string>? broken = null)
    {
        var standard = LawFixtures.Standard();
        return ArbitrationChecklist.Build(new ChecklistFacts(EmployeeHistory(), caseEvents,
                (b, p) => b == "yun" && p == "ops" ? standard : null, flags ?? [], LawFixtures.LawOf(), broken ?? []))
            .ToDictionary(e => e.Code);
    }

    private static Alert Flag(DateTimeOffset opened, DateTimeOffset? closed) =>
        new("alert:fairness:yun/ops:1", "fairness:yun/ops:1", AlertRule.Fairness, "yun/ops", closed is null ? "open" : "closed",
            "most staff miss it", new Dictionary<string, decimal>(), opened, closed);

    [Fact]
    public void without_a_case_every_step_is_missing_but_the_history_is_intact()
    {
        var c = Build([]);
        c["case-opened"].Satisfied.ShouldBeFalse();
        c["finding-1"].Satisfied.ShouldBeFalse();
        c["union-notified"].Satisfied.ShouldBeFalse();
        c["retention-integrity"].Satisfied.ShouldBeTrue();
    }

    [Fact]
    public void a_plan_in_effect_under_an_acknowledged_standard_meets_g1_and_cites_its_events()
    {
        var c = Build(PlanInEffect());
        c["pip-1-standard-acknowledged"].Evidence.ShouldBe(["standard:yun:ops#v1", "employee:E1001#acknowledged-v1"]);
        c["pip-1-acknowledged"].Evidence.ShouldBe(["case:E1001-1#v2", "case:E1001-1#v3"]);
        c["case-opened"].Satisfied.ShouldBeTrue();
        c["pip-1-fair-target"].Satisfied.ShouldBeTrue();
    }

    [Fact]
    public void a_fairness_flag_open_during_the_period_is_missing_g3_and_one_closed_before_it_is_not()
    {
        var during = Build(PlanInEffect(), [Flag(new DateTimeOffset(2026, 11, 8, 1, 0, 0, TimeSpan.Zero), null)]);
        var before = Build(PlanInEffect(), [Flag(new DateTimeOffset(2026, 10, 1, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 20, 1, 0, 0, TimeSpan.Zero))]);

        during["pip-1-fair-target"].Satisfied.ShouldBeFalse();
        during["pip-1-fair-target"].Note!.ShouldContain("fairness:yun/ops:1");
        before["pip-1-fair-target"].Satisfied.ShouldBeTrue();
    }

    [Fact]
    public void g2_fails_when_a_finding_rests_on_a_target_stricter_than_the_standard_or_one_it_does_not_set()
    {
        MetricResult Missed(string metric, decimal target) => new(metric, new PipTarget(target, TargetDirection.AtLeast), 2, 2, 7, false, 0);
        Dictionary<string, LegalElement> With(params MetricResult[] results) => Build(Stream("case:E1001-1",
            [.. PlanInEffect().Select(e => e.Data), new IncompetenceFound("E1001-1", 1, 1, results, "system", T0.AddDays(12))]));

        With(Missed("orders", 5))["no-forced-ranking"].Satisfied.ShouldBeTrue();      // the standard's 10, made milder
        With(Missed("orders", 12))["no-forced-ranking"].Note!.ShouldContain("stricter than the standard's 10");
        With(Missed("csat", 90))["no-forced-ranking"].Note!.ShouldContain("sets no target for csat");
    }

    [Fact]
    public void g1_is_judged_on_the_acknowledgements_made_when_the_plan_took_effect()
    {
        // The plan is acknowledged (global sequence 3 of the case) before the employee acknowledged the standard (sequence 10).
        var employee = new List<Recorded>
        {
            EmployeeHistory()[0],
            EmployeeHistory()[1] with { Sequence = 10 },
        };
        var c = ArbitrationChecklist.Build(new ChecklistFacts(employee, PlanInEffect(), (b, p) => LawFixtures.Standard(), [], LawFixtures.LawOf(), []))
            .ToDictionary(e => e.Code);

        c["pip-1-standard-acknowledged"].Satisfied.ShouldBeFalse();   // a later acknowledgement does not mend the bundle
    }

    [Fact]
    public void a_finding_without_a_failed_assessed_period_fails_g4()
    {
        var events = PlanInEffect().Select(e => e.Data).Append(LawFixtures.Finding(1, T0.AddDays(12))).ToArray();
        var c = Build(Stream("case:E1001-1", events));
        c["findings-on-full-periods"].Satisfied.ShouldBeFalse();
        c["finding-1"].Satisfied.ShouldBeTrue();
    }

    [Fact]
    public void a_severance_that_differs_from_the_art47_arithmetic_is_missing_g9()
    {
        var employee = Employee.Create((EmployeeHired)EmployeeHistory()[0].Data);
        var right = LawFixtures.LawOf().SeveranceOf(employee, new DateOnly(2026, 12, 25)).Calculation!;
        EmploymentTerminated Terminated(SeveranceCalculation s) => new("E1001-1", "E1001", "x", new DateOnly(2026, 11, 24),
            new DateOnly(2026, 11, 25), "30-days", new DateOnly(2026, 12, 25), 0, s, [], "hr-li", T0.AddDays(25));

        var ok = Build(Stream("case:E1001-1", [.. PlanInEffect().Select(e => e.Data), Terminated(right)]));
        var wrong = Build(Stream("case:E1001-1", [.. PlanInEffect().Select(e => e.Data), Terminated(right with { Amount = right.Amount / 2 })]));

        ok["severance"].Satisfied.ShouldBeTrue();
        ok["notice-honoured"].Satisfied.ShouldBeTrue();
        wrong["severance"].Satisfied.ShouldBeFalse();
        wrong["severance"].Note!.ShouldContain($"art. 47 gives {right.Amount:0.00}");
    }

    [Fact]
    public void the_severance_is_judged_on_the_figures_recorded_with_the_decision_not_on_later_ones()
    {
        var employee = Employee.Create((EmployeeHired)EmployeeHistory()[0].Data);
        var then = LawFixtures.LawOf(average: 3_000m).SeveranceOf(employee, new DateOnly(2026, 12, 25)).Calculation!;   // capped at 9,000
        var terminated = new EmploymentTerminated("E1001-1", "E1001", "x", new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), "30-days",
            new DateOnly(2026, 12, 25), 0, then, [], "hr-li", T0.AddDays(25));

        // Today's figures (average 10,000: no cap) would give another amount; the bundle judges the decision as it was made.
        var c = Build(Stream("case:E1001-1", [.. PlanInEffect().Select(e => e.Data), terminated]));

        then.BaseCapped.ShouldBeTrue();
        c["severance"].Satisfied.ShouldBeTrue(c["severance"].Note);
    }

    [Fact]
    public void a_severance_recorded_without_published_figures_cannot_be_certified()
    {
        var old = new SeveranceCalculation(10_000m, null, 10_000m, false, 0, 1, 0.5m, false, 5_000m, "0.5 × 10000.00");
        var terminated = new EmploymentTerminated("E1001-1", "E1001", "x", new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), "30-days",
            new DateOnly(2026, 12, 25), 0, old, [], "hr-li", T0.AddDays(25));

        var c = Build(Stream("case:E1001-1", [.. PlanInEffect().Select(e => e.Data), terminated]));

        c["severance"].Satisfied.ShouldBeFalse();
        c["severance"].Note!.ShouldContain("cannot be re-checked");
    }

    [Fact]
    public void a_notice_shorter_than_thirty_days_or_a_short_pay_in_lieu_fails_g8()
    {
        var employee = Employee.Create((EmployeeHired)EmployeeHistory()[0].Data);
        var severance = LawFixtures.LawOf().SeveranceOf(employee, new DateOnly(2026, 12, 1)).Calculation!;
        EmploymentTerminated Terminated(string kind, DateOnly effective, decimal inLieu) => new("E1001-1", "E1001", "x",
            new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), kind, effective, inLieu, severance, [], "hr-li", T0.AddDays(25));

        var shortNotice = Build(Stream("case:E1001-1", [.. PlanInEffect().Select(e => e.Data), Terminated("30-days", new DateOnly(2026, 12, 1), 0)]));
        var shortPay = Build(Stream("case:E1001-1", [.. PlanInEffect().Select(e => e.Data), Terminated("pay-in-lieu", new DateOnly(2026, 11, 25), 5_000)]));
        var fullPay = Build(Stream("case:E1001-1", [.. PlanInEffect().Select(e => e.Data), Terminated("pay-in-lieu", new DateOnly(2026, 11, 25), 10_000)]));

        shortNotice["notice-honoured"].Satisfied.ShouldBeFalse();
        shortNotice["notice-honoured"].Note!.ShouldContain("before 2026-12-25");
        shortPay["notice-honoured"].Satisfied.ShouldBeFalse();
        fullPay["notice-honoured"].Satisfied.ShouldBeTrue();
    }

    [Fact]
    public void a_reassignment_to_a_post_the_old_one_did_not_list_fails_the_fit_element()
    {
        var reassigned = new EmployeeReassigned("E1001-1", "E1001", "ops", "cs", new DateOnly(2026, 11, 12), 10_000, 8_000,
            new PayBandSnapshot(6_000, 9_000), "signed-agreement", "AGR-1", "fit", "hr-li", T0.AddDays(11));
        var caseEvents = Stream("case:E1001-1", [.. PlanInEffect().Select(e => e.Data), reassigned])
            .Select(e => e with { Sequence = e.Sequence + 100 }).ToList();
        IReadOnlyList<Recorded> Posts(params string[] compatible) =>
            [new Recorded("post:ops", 1, 1, T0, "hr-li", "post_defined", new PostDefined("ops", "运营", "ops", new PayBand(8_000, 15_000), compatible, "hr", T0))];
        Dictionary<string, LegalElement> With(IReadOnlyList<Recorded> posts) => ArbitrationChecklist.Build(new ChecklistFacts(EmployeeHistory(),
            caseEvents, (_, _) => LawFixtures.Standard(), [], LawFixtures.LawOf(), [], null, posts)).ToDictionary(e => e.Code);

        With(Posts("cs"))["reassignment-fit"].Satisfied.ShouldBeTrue();
        With(Posts("warehouse"))["reassignment-fit"].Satisfied.ShouldBeFalse();
        With([])["reassignment-fit"].Note!.ShouldContain("no definition");
    }

    [Fact]
    public void a_broken_chain_fails_g11()
    {
        var c = Build(PlanInEffect(), broken: ["case:E1001-1@v2"]);
        c["retention-integrity"].Satisfied.ShouldBeFalse();
        c["retention-integrity"].Note!.ShouldContain("case:E1001-1@v2");
    }
}
