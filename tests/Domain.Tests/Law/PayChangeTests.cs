using EventHr.Domain.Organisation;
using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;
using EventHr.Domain.Law;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Law;

/// <summary>G10, art. 35: pay changes with a reassignment or a signed agreement, never below the floors.</summary>
public class PayChangeTests
{
    private static readonly Actor Hr = new("hr-li", "hr");
    private static readonly LawInForce Law = LawOf(minimum: 2_690m);
    private static readonly DateOnly Today = new(2026, 11, 12);
    private static readonly Domain.Cases.PerformanceCase AfterFinding = Walk(remedy: null, finding2: false);

    private static DecideCase Reassign(decimal? pay, string? consent = null, string to = "cs") =>
        new("reassign", "fit", null, to, pay, consent, null, null, null, null);

    public static TheoryData<string, bool, decimal?, string?, string[]> Reassignments => new()
    {
        { "cut without clause or agreement", false, 8_000m, null, ["pay-cut-consent"] },
        { "cut outside the new band", true, 5_000m, "AGR-1", ["pay-above-floor", "pay-in-new-band"] },
        { "raise above the new band", true, 9_500m, null, ["pay-in-new-band"] },
    };

    [Theory, MemberData(nameof(Reassignments))]
    public void a_reassignment_pay_outside_the_rules_is_refused(string situation, bool payFollowsPost, decimal? pay, string? consent, string[] missing)
    {
        var result = PayDecisions.Reassign(AfterFinding, Hire(payFollowsPost: payFollowsPost), Ops, Cs, Reassign(pay, consent), Law, Today, Hr, T0);

        result.Refusal!.Guard.ShouldBe(PayChange.Guard, situation);
        result.Refusal.Missing.ShouldBe(missing);
    }

    [Theory]
    [InlineData(false, "AGR-2026-001", "signed-agreement")]
    [InlineData(true, null, "contract-clause")]
    public void a_cut_into_the_new_band_is_allowed_with_an_agreement_or_a_contract_clause(bool payFollowsPost, string? consent, string basis)
    {
        var employee = Hire(payFollowsPost: payFollowsPost).Agreed("AGR-2026-001", 8_000m);
        var result = PayDecisions.Reassign(AfterFinding, employee, Ops, Cs, Reassign(8_000m, consent), Law, Today, Hr, T0);

        result.Value!.PayBasis.ShouldBe(basis);
        result.Value.NewMonthlySalary.ShouldBe(8_000m);
    }

    [Fact]
    public void a_band_revised_after_finding_one_cannot_carry_that_cases_pay_cut()
    {
        var revised = Cs.Apply(new PostRevised("cs", "客服", "cs", new PayBand(6_000, 8_500), [], "hr", T0.AddDays(11)));   // finding #1 was T0+10d
        var unchanged = Cs.Apply(new PostRevised("cs", "客服 Customer service", "cs", Cs.PayBand, [], "hr", T0.AddDays(11)));

        var employee = Hire().Agreed("AGR-1", 8_000m);
        PayDecisions.Reassign(AfterFinding, employee, Ops, revised, Reassign(8_000m, "AGR-1"), Law, Today, Hr, T0).Refusal!.Missing
            .ShouldBe(["band-published-before"]);
        PayDecisions.Reassign(AfterFinding, employee, Ops, unchanged, Reassign(8_000m, "AGR-1"), Law, Today, Hr, T0).IsOk.ShouldBeTrue();
    }

    [Fact]
    public void keeping_the_pay_on_a_reassignment_is_allowed_even_above_the_new_band()
    {
        var result = PayDecisions.Reassign(AfterFinding, Hire(salary: 10_000m), Ops, Cs, Reassign(null, null), Law, Today, Hr, T0);

        result.IsOk.ShouldBeTrue(result.Refusal?.Detail);   // cs pays 6,000–9,000; a refusal would push HR towards a cut
        result.Value!.PayBasis.ShouldBe("no-cut");
    }

    [Fact]
    public void a_post_not_listed_as_compatible_is_not_a_lawful_reassignment()
    {
        var result = PayDecisions.Reassign(AfterFinding, Hire(), Cs, Ops, Reassign(null, to: "ops"), Law, Today, Hr, T0);

        result.Refusal!.Guard.ShouldBe("g5-reassignment-not-suitable");
    }

    [Fact]
    public void a_pay_cut_without_a_change_of_post_needs_a_signed_agreement_even_with_the_contract_clause()
    {
        var decide = new DecideCase("adjust-pay", "cost", null, null, 8_000m, null, null, null, null, null);

        var signed = Hire(payFollowsPost: true).Agreed("AGR-9", 8_000m).Agreed("AGR-10", 5_000m);
        var refused = PayDecisions.AdjustPay(AfterFinding, Hire(payFollowsPost: true), decide, Law, Today, Hr, T0);
        var agreed = PayDecisions.AdjustPay(AfterFinding, signed, decide with { ConsentRef = "AGR-9" }, Law, Today, Hr, T0);
        var belowFloor = PayDecisions.AdjustPay(AfterFinding, signed, decide with { NewMonthlySalary = 5_000m, ConsentRef = "AGR-10" }, Law, Today, Hr, T0);
        var unrecorded = PayDecisions.AdjustPay(AfterFinding, Hire(payFollowsPost: true), decide with { ConsentRef = "AGR-9" }, Law, Today, Hr, T0);
        var otherWage = PayDecisions.AdjustPay(AfterFinding, signed, decide with { NewMonthlySalary = 7_000m, ConsentRef = "AGR-9" }, Law, Today, Hr, T0);

        unrecorded.Refusal!.Missing.ShouldBe(["pay-cut-consent"]);   // a reference alone proves nothing (was accepted)
        otherWage.Refusal!.Missing.ShouldBe(["pay-cut-consent"]);    // the agreement was to 8,000

        refused.Refusal!.Missing.ShouldBe(["pay-cut-consent"]);
        agreed.IsOk.ShouldBeTrue();
        belowFloor.Refusal!.Missing.ShouldBe(["pay-above-floor"]);
    }
}
