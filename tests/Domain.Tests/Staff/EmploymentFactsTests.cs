using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Law.Retirement;
using EventHr.Domain.Staff;
using EventHr.Domain.Staff.Employment;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Staff;

/// <summary>Employment facts (G14–G15) and the protections and guards computed from them (G6, G10).</summary>
public class EmploymentFactsTests
{
    private static readonly DateOnly Hired = new(2026, 11, 1);

    [Theory]
    [InlineData("fixed-term", "2027-01-30", null, null)]                 // under 3 months: none allowed, none asked
    [InlineData("fixed-term", "2027-01-30", "2026-11-15", "no probation")]
    [InlineData("fixed-term", "2027-01-31", "2026-11-30", null)]         // exactly 3 months ("三个月以上" includes 3): 1 month
    [InlineData("fixed-term", "2027-04-30", "2026-12-15", "1 month")]    // 6 months: at most 1 month
    [InlineData("fixed-term", "2027-10-31", "2027-01-15", "2 month")]    // 1 year: at most 2 months
    [InlineData("fixed-term", "2029-10-31", "2027-04-30", null)]         // 3 years: 6 months
    [InlineData("open-ended", null, "2027-04-30", null)]
    [InlineData("open-ended", null, "2027-05-01", "6 month")]
    [InlineData("part-time", null, "2026-11-10", "no probation")]
    [InlineData("per-task", null, "2026-11-10", "no probation")]
    public void probation_is_bounded_by_the_contract_term_art_19(string kind, string? endsOn, string? probationUntil, string? refusal)
    {
        var facts = new EmploymentFacts(Gender: Gender.Male, City: City, ContractKind: kind, StartsOn: Hired,
            EndsOn: endsOn is null ? null : DateOnly.Parse(endsOn), ProbationUntil: probationUntil is null ? null : DateOnly.Parse(probationUntil));

        var errors = RecordingFacts.Check(facts, Hired).ToDictionary();

        if (refusal is null) errors.ShouldBeEmpty();
        else errors["contract.probationUntil"].Single().ShouldContain(refusal);
    }

    [Fact]
    public void a_woman_needs_her_retirement_category_a_man_has_none_and_no_one_under_16_is_hired()
    {
        RecordingFacts.Check(new EmploymentFacts(Gender: Gender.Female), Hired).ToDictionary().Keys.ShouldBe(["retirementCategory"]);
        RecordingFacts.Check(new EmploymentFacts(Gender: Gender.Male, RetirementCategory: RetirementCategory.Cadre), Hired).ToDictionary().Keys
            .ShouldBe(["retirementCategory"]);
        RecordingFacts.Check(new EmploymentFacts(BirthDate: new DateOnly(2011, 1, 1)), Hired).ToDictionary().Keys.ShouldBe(["birthDate"]);
        RecordingFacts.Check(new EmploymentFacts(ContractKind: ContractKinds.FixedTerm), Hired).ToDictionary().Keys.ShouldBe(["contract.endsOn"]);
    }

    [Fact]
    public void fifteen_years_of_service_within_five_years_of_retirement_is_a_protection_computed_not_recorded()
    {
        // Born 1968-03-10, a man: 38 months after 1965-01, so 60 y 10 m → 2029-01-10; hired 2012-01-01 with 24 months' affiliated
        // service → 15 years on 2025-01-01.
        var employee = Hire(hiredOn: "2012-01-01", facts: new EmploymentFacts(new DateOnly(1968, 3, 10), Gender.Male, null, City, 24));

        employee.Facts.StatutoryRetirementOn.ShouldBe(new DateOnly(2029, 1, 10));
        var computed = employee.LongServiceNearRetirement()!;
        computed.From.ShouldBe(new DateOnly(2025, 1, 1));   // 15 years' service comes after "5 years before retirement" (2024-01-11)
        computed.To.ShouldBe(new DateOnly(2029, 1, 9));
        employee.IsProtectedOn(new DateOnly(2026, 11, 25)).ShouldBeTrue();
        employee.IsProtectedOn(new DateOnly(2024, 12, 31)).ShouldBeFalse();
        Protecting.Validate(new RecordProtection(ProtectionKinds.LongServiceNearRetirement, Hired, null)).ToDictionary().Keys.ShouldBe(["kind"]);
    }

    [Fact]
    public void a_status_beginning_during_the_notice_postpones_the_end_and_one_on_the_service_day_refuses_it()
    {
        var served = new DateOnly(2026, 11, 25);
        var pregnantFromDecember = Hire().Apply(new ProtectionRecorded("E1001", "pregnancy", new DateOnly(2026, 12, 10), null, "hr", T0));
        var decide = new DecideCase("terminate", "仍不能胜任", null, null, null, null, null, new DateOnly(2026, 11, 24), "30-days", served,
            new NoticeDelivery("post", "EMS EA123456789CN"));

        var postponed = TerminationDecision.Terminate(Walk(), pregnantFromDecember, decide, LawOf(), served, new Actor("hr-li", "hr"), T0);
        var inLieu = TerminationDecision.Terminate(Walk(), pregnantFromDecember, decide with { NoticeKind = "pay-in-lieu" }, LawOf(), served,
            new Actor("hr-li", "hr"), T0);
        var pregnantOnServiceDay = Hire().Apply(new ProtectionRecorded("E1001", "pregnancy", served, null, "hr", T0));

        postponed.Value!.EndPostponedBy!.Kind.ShouldBe("pregnancy");   // the answer says so (was: accepted, or refused, with no word)
        var consequences = EmployeeConsequences.Of(postponed.Value, new Actor("hr-li", "hr"), T0);
        consequences.OfType<EmploymentEndPostponed>().Single().NewEndOn.ShouldBeNull();   // until the status ends
        inLieu.Value!.EndPostponedBy.ShouldBeNull();   // with pay in lieu the employment ends on the service day, before the status begins
        TerminationDecision.Terminate(Walk(), pregnantOnServiceDay, decide, LawOf(), served, new Actor("hr-li", "hr"), T0).Refusal!.Missing
            .ShouldBe(["no-protected-status"]);
    }

    [Fact]
    public void the_computed_long_service_status_refuses_a_termination()
    {
        var employee = Hire(hiredOn: "2010-01-01", facts: new EmploymentFacts(new DateOnly(1967, 1, 1), Gender.Male, null, City));
        var decide = new DecideCase("terminate", "仍不能胜任", null, null, null, null, null, new DateOnly(2026, 11, 24), "30-days", new DateOnly(2026, 11, 25),
            new NoticeDelivery("post", "EMS EA123456789CN"));

        var result = TerminationDecision.Terminate(Walk(), employee, decide, LawOf(), new DateOnly(2026, 11, 25), new Actor("hr-li", "hr"), T0);

        result.Refusal!.Missing.ShouldBe(["no-protected-status"]);
    }

    [Fact]
    public void no_pay_cut_during_pregnancy_even_with_a_signed_agreement_and_no_back_dated_change()
    {
        var pregnant = Hire().Agreed("AGR-1", 9_000m, "2026-11-20").Apply(new ProtectionRecorded("E1001", "pregnancy", new DateOnly(2026, 11, 5), null, "hr", T0));
        var afterFinding = Walk(remedy: null, finding2: false);
        var cut = new DecideCase("adjust-pay", "agreed", null, null, 9_000m, "AGR-1", null, null, null, null);
        var today = new DateOnly(2026, 11, 20);

        PayDecisions.AdjustPay(afterFinding, pregnant, cut, LawOf(), today, new Actor("hr-li", "hr"), T0).Refusal!.Missing
            .ShouldBe(["no-cut-while-protected"]);
        PayDecisions.AdjustPay(afterFinding, Hire(), cut with { EffectiveOn = today.AddDays(-1) }, LawOf(), today, new Actor("hr-li", "hr"), T0)
            .Refusal!.Errors!.ToDictionary().Keys.ShouldBe(["effectiveOn"]);
        PayDecisions.AdjustPay(afterFinding, Hire().Agreed("AGR-1", 9_000m, "2026-11-20"), cut, LawOf(), today, new Actor("hr-li", "hr"), T0).IsOk.ShouldBeTrue();
    }

    [Fact]
    public void a_pay_change_without_the_citys_minimum_wage_is_refused_naming_it()
    {
        var raise = new DecideCase("adjust-pay", "agreed", null, null, 11_000m, "AGR-1", null, null, null, null);

        var result = PayDecisions.AdjustPay(Walk(remedy: null, finding2: false), Hire(), raise, LawInForce.Rules(new LawSettings()),
            new DateOnly(2026, 11, 20), new Actor("hr-li", "hr"), T0);

        result.Refusal!.Missing.ShouldBe(["pay-above-floor"]);
    }
}
