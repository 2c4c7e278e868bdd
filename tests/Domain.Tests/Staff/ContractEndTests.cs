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
