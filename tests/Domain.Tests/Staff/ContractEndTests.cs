using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using EventHr.Domain.Staff.Employment;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Staff;

/// <summary>G16 (arts. 44, 45, 46(5), 71): what a contract's end owes, and when it cannot end.</summary>
public class ContractEndTests
{
    private static readonly Actor Hr = new("hr-li", "hr");

    private static Employee Contract(string kind, string? endsOn = "2027-10-31") => Hire(salary: 9_000m, hiredOn: "2024-11-01",
        facts: new EmploymentFacts(City: City, ContractKind: kind, StartsOn: new DateOnly(2024, 11, 1), EndsOn: endsOn is null ? null : DateOnly.Parse(endsOn)));

    private static RecordSeparation End(string date = "2027-10-31", bool? refused = null) => new("contract-end", DateOnly.Parse(date), "合同到期", refused);

    [Fact]
    public void a_fixed_term_contract_that_ends_owes_n()
    {
        var ended = Separating.Decide(Contract(ContractKinds.FixedTerm), End(), LawOf(), Hr, T0).Value!;

        ended.Severance!.Months.ShouldBe(3m);   // three years to the day
        ended.Severance.Amount.ShouldBe(27_000m);
    }

    [Fact]
    public void no_n_when_a_renewal_on_the_same_terms_was_refused_nor_for_part_time_work()
    {
        var refused = Separating.Decide(Contract(ContractKinds.FixedTerm), End(refused: true), LawOf(), Hr, T0).Value!;
        var partTime = Separating.Decide(Contract(ContractKinds.PartTime, endsOn: null), End(), LawOf(), Hr, T0).Value!;

        (refused.Severance, refused.SeveranceNote).ShouldBe((null, "the employee refused a renewal on the same or better terms (art. 46(5))"));
        partTime.Severance.ShouldBeNull();
        partTime.SeveranceNote!.ShouldContain("art. 71");
    }

    [Fact]
    public void a_contract_ending_during_pregnancy_is_extended_so_its_end_is_refused()
    {
        var pregnant = Contract(ContractKinds.FixedTerm).Apply(new ProtectionRecorded("E1001", "pregnancy", new DateOnly(2027, 9, 1), null, "hr", T0));

        var result = Separating.Decide(pregnant, End(), LawOf(), Hr, T0);

        result.Refusal!.Guard.ShouldBe(Separating.ExtendedGuard);
    }

    [Fact]
    public void an_open_ended_contract_does_not_end_by_itself_and_a_fixed_term_ends_on_its_date()
    {
        Separating.Decide(Contract(ContractKinds.OpenEnded, endsOn: null), End(), LawOf(), Hr, T0).Refusal!.Errors!.ToDictionary().Keys.ShouldBe(["kind"]);
        Separating.Decide(Contract(ContractKinds.FixedTerm), End("2027-09-30"), LawOf(), Hr, T0).Refusal!.Errors!.ToDictionary().Keys.ShouldBe(["date"]);
    }
}

/// <summary>Art. 42 / 45: a status that begins before a notified end postpones it until the status ends.</summary>
public class EndPostponementTests
{
    private static Employee NoticeServed(string kind = "termination-art40-2") =>
        Hire().Apply(new EmploymentEnded("E1001", kind, new DateOnly(2026, 12, 25), "仍不能胜任", "E1001-1", "hr", T0));

    [Theory]
    [InlineData("termination-art40-2", "2026-12-10", null, true, null)]              // pregnant during the notice: until it ends, open
    [InlineData("termination-art40-2", "2026-12-10", "2027-01-20", true, "2027-01-20")]
    [InlineData("contract-end", "2026-12-01", "2027-02-28", true, "2027-02-28")]    // art. 45: the contract runs on
    [InlineData("termination-art40-2", "2026-12-10", "2026-12-20", false, null)]    // over before the end
    [InlineData("resignation", "2026-12-10", null, false, null)]                    // the employee's own leaving stands
    [InlineData("termination-art40-2", "2026-12-26", null, false, null)]            // after the end
    public void a_status_beginning_before_a_notified_end_postpones_it(string endedBy, string from, string? to, bool postponed, string? newEnd)
    {
        var recorded = new ProtectionRecorded("E1001", "medical", DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), "hr", T0);

        var result = Protecting.Postponement(NoticeServed(endedBy), recorded);

        (result is not null).ShouldBe(postponed);
        if (result is not null)
        {
            result.NewEndOn.ShouldBe(newEnd is null ? null : DateOnly.Parse(newEnd));
            NoticeServed(endedBy).Apply(result).EndedOn.ShouldBe(result.NewEndOn);
        }
    }
}

/// <summary>Art. 35: a pay agreement on record, signed by the employee or on a paper HR records.</summary>
public class PayAgreementTests
{
    private static readonly Actor Hr = new("hr-li", "hr");
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void the_employee_signs_today_hr_records_a_paper_with_its_day_and_pay_is_never_agreed_retroactively()
    {
        var self = SigningPay.Decide(Hire(), new SignPayAgreement("AGR-7", 8_000m, new DateOnly(2026, 12, 1)), true, Today, new Actor("E1001", "employee"), T0).Value!;
        var paper = SigningPay.Decide(Hire(), new SignPayAgreement("AGR-8", 8_000m, new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 15)), false, Today, Hr, T0).Value!;

        (self.SignedOn, self.Via).ShouldBe((Today, "self"));
        (paper.SignedOn, paper.Via).ShouldBe((new DateOnly(2026, 11, 15), "paper"));
        SigningPay.Decide(Hire(), new SignPayAgreement("AGR-9", 8_000m, new DateOnly(2026, 12, 1)), false, Today, Hr, T0).Refusal!.Errors!
            .ToDictionary().Keys.ShouldBe(["signedOn"]);
        SigningPay.Decide(Hire(), new SignPayAgreement("AGR-9", 8_000m, new DateOnly(2026, 11, 19)), true, Today, Hr, T0).Refusal!.Errors!
            .ToDictionary().Keys.ShouldBe(["effectiveOn"]);
        SigningPay.Decide(Hire().Apply(self), new SignPayAgreement("AGR-7", 7_000m, new DateOnly(2026, 12, 1)), true, Today, Hr, T0).Refusal!.Kind
            .ShouldBe(RefusalKind.Conflict);
    }
}

public class PostponedEndTests
{
    [Fact]
    public void once_the_status_an_end_waits_for_is_recorded_with_its_last_day_the_employment_ends_with_it()
    {
        var served = Hire().Apply(new EmploymentEnded("E1001", "termination-art40-2", new DateOnly(2026, 12, 25), "仍不能胜任", "E1001-1", "hr", T0));
        var waiting = Protecting.Postponement(served, new ProtectionRecorded("E1001", "medical", new DateOnly(2026, 12, 10), null, "hr", T0))!;
        var running = served.Apply(waiting);

        var ends = Protecting.Postponement(running, new ProtectionRecorded("E1001", "medical", new DateOnly(2026, 12, 10), new DateOnly(2027, 3, 31), "hr", T0))!;

        running.EndedOn.ShouldBeNull();
        ends.NewEndOn.ShouldBe(new DateOnly(2027, 3, 31));
        running.Apply(ends).EndedOn.ShouldBe(new DateOnly(2027, 3, 31));
        running.Apply(ends).EndAwaitsStatus.ShouldBeNull();
    }
}
