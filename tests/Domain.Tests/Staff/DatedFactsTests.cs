using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Staff;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Staff;

/// <summary>No fact of an employment is dated before it began.</summary>
public sealed class DatedFactsTests
{
    private static readonly Actor Hr = new("hr-li", "hr");
    private static readonly DateOnly BeforeHire = new(2026, 10, 31);

    [Fact]
    public void a_protection_from_before_the_hire_is_refused_and_one_from_the_hire_date_is_recorded()
    {
        Protecting.Decide(Hire(), new RecordProtection("pregnancy", BeforeHire, null), Hr, T0).Refusal!.Errors!.ToDictionary().Keys.ShouldBe(["from"]);
        Protecting.Decide(Hire(), new RecordProtection("pregnancy", new DateOnly(2026, 11, 1), null), Hr, T0).IsOk.ShouldBeTrue();
    }

    [Fact]
    public void a_pay_change_or_a_reassignment_effective_before_the_hire_is_refused()
    {
        var law = LawOf(minimum: 2_690m);
        var afterFinding = Walk(remedy: null, finding2: false);
        var adjust = new DecideCase("adjust-pay", "agreed", null, null, 9_000m, "AGR-1", BeforeHire, null, null, null);
        var reassign = new DecideCase("reassign", "fit", null, "cs", null, null, BeforeHire, null, null, null);

        PayDecisions.AdjustPay(afterFinding, Hire(), adjust, law, new DateOnly(2026, 11, 12), Hr, T0).Refusal!.Errors!.ToDictionary().Keys
            .ShouldBe(["effectiveOn"]);
        PayDecisions.Reassign(afterFinding, Hire(), Ops, Cs, reassign, law, new DateOnly(2026, 11, 12), Hr, T0).Refusal!.Errors!.ToDictionary().Keys
            .ShouldBe(["effectiveOn"]);
    }
}
