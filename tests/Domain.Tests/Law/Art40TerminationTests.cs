using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Staff;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Law;

public class Art40TerminationTests
{
    private static readonly Actor Hr = new("hr-li", "hr");
    private static readonly LawInForce Law = LawOf(average: 12_307m);
    private static readonly DateOnly Served = new(2026, 11, 25);

    private static DecideCase Terminate(string? union = "2026-11-24", string? notice = "30-days") =>
        new("terminate", "仍不能胜任", null, null, null, null, null, union is null ? null : DateOnly.Parse(union), notice, Served,
            new NoticeDelivery("in-person", "签收单 receipt 2026-11-25"));

    public static TheoryData<string, PerformanceCase, Employee, DecideCase, string, string[]> MissingPreconditions => new()
    {
        { "no finding at all", Walk(finding1: false), Hire(), Terminate(), Art40Termination.FirstFinding, ["finding-1", "remedy", "second-assessment"] },
        { "no remedy after finding #1", Walk(remedy: null, finding2: false), Hire(), Terminate(), Art40Termination.Remedy, ["remedy", "second-assessment"] },
        { "training not completed", Walk(remedy: "training-not-completed"), Hire(), Terminate(), Art40Termination.Remedy, ["remedy"] },
        { "training for another metric", Walk(remedy: "training-other-metric"), Hire(), Terminate(), Art40Termination.Remedy, ["remedy"] },
        { "no second assessment", Walk(finding2: false), Hire(), Terminate(), Art40Termination.SecondAssessment, ["second-assessment"] },
        { "pregnant on the notice date (G6)", Walk(), Hire().Apply(new ProtectionRecorded("E1001", "pregnancy", new DateOnly(2026, 11, 20), null, "hr", T0)),
            Terminate(), Art40Termination.Protected, ["no-protected-status"] },
        { "medical period covering the notice date (G6)", Walk(), Hire().Apply(new ProtectionRecorded("E1001", "medical", new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 20), "hr", T0)),
            Terminate(), Art40Termination.Protected, ["no-protected-status"] },
        { "union never told (G7)", Walk(), Hire(), Terminate(union: null), Art40Termination.Union, ["union-notified"] },
        { "union told after the notice (G7)", Walk(), Hire(), Terminate(union: "2026-11-26"), Art40Termination.Union, ["union-notified"] },
        { "no notice kind (G8)", Walk(), Hire(), Terminate(notice: null), Art40Termination.NoticeGuard, ["notice"] },
    };

    [Theory, MemberData(nameof(MissingPreconditions))]
    public void a_termination_missing_a_precondition_is_refused_with_the_missing_elements(string situation, PerformanceCase c,
        Employee employee, DecideCase decide, string guard, string[] missing)
    {
        var result = TerminationDecision.Terminate(c, employee, decide, Law, Served, Hr, T0);

        result.IsOk.ShouldBeFalse(situation);
        result.Refusal!.Kind.ShouldBe(RefusalKind.LegalGuard);
        result.Refusal.Guard.ShouldBe(guard);
        result.Refusal.Missing.ShouldBe(missing);
    }

    [Fact]
    public void a_protection_that_ended_before_the_notice_date_does_not_block()
    {
        var employee = Hire().Apply(new ProtectionRecorded("E1001", "medical", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20), "hr", T0));

        TerminationDecision.Terminate(Walk(), employee, Terminate(), Law, Served, Hr, T0).IsOk.ShouldBeTrue();
    }

    [Theory]
    [InlineData("training")]
    [InlineData("reassignment")]
    public void with_every_step_in_order_the_termination_gives_notice_date_and_severance(string remedy)
    {
        var result = TerminationDecision.Terminate(Walk(remedy: remedy), Hire(), Terminate(), Law, Served, Hr, T0);

        result.IsOk.ShouldBeTrue();
        result.Value!.EffectiveOn.ShouldBe(new DateOnly(2026, 12, 25));
        result.Value.PayInLieu.ShouldBe(0m);
        result.Value.FindingRefs.Count.ShouldBe(2);
    }

    [Fact]
    public void pay_in_lieu_is_the_last_month_wage_and_takes_effect_on_service()
    {
        var result = TerminationDecision.Terminate(Walk(), Hire(salary: 10_000m), Terminate(notice: "pay-in-lieu"), Law, Served, Hr, T0);

        result.Value!.EffectiveOn.ShouldBe(Served);
        result.Value.PayInLieu.ShouldBe(10_000m);
    }

    [Fact]
    public void a_closed_case_cannot_be_terminated_again_it_is_a_conflict()
    {
        var closed = Walk().Apply(TerminationDecision.Terminate(Walk(), Hire(), Terminate(), Law, Served, Hr, T0).Value!);

        TerminationDecision.Terminate(closed, Hire(), Terminate(), Law, Served, Hr, T0).Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
    }

    [Fact]
    public void someone_who_has_already_left_cannot_be_dismissed_as_well()
    {
        var resigned = Hire().Apply(new EmploymentEnded("E1001", "resignation", new DateOnly(2026, 11, 20), "个人原因", null, "hr-li", T0));

        var result = TerminationDecision.Terminate(Walk(), resigned, Terminate(), Law, Served, Hr, T0);

        result.Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
        result.Refusal.Detail.ShouldContain("2026-11-20");
    }
}
