using EventHr.Domain.Law;
using EventHr.Domain.Staff;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Law;

/// <summary>G1: only a standard published before the period and acknowledged by the employee can ground a finding.</summary>
public class StandardProvenanceTests
{
    private static readonly DateOnly PeriodFrom = new(2026, 11, 5);
    private static readonly StandardAcknowledged Ack = new("E1001", "yun", "ops", 1, "self", "E1001", T0);

    [Fact]
    public void published_before_and_acknowledged_is_satisfied_with_references()
    {
        var element = StandardProvenance.Check(Hire().Apply(Ack), Standard(), "yun", "ops", PeriodFrom);

        element.Satisfied.ShouldBeTrue();
        element.Evidence.ShouldContain("standard:yun:ops#v1");
    }

    [Fact]
    public void not_acknowledged_is_missing() =>
        StandardProvenance.Check(Hire(), Standard(), "yun", "ops", PeriodFrom).Code.ShouldBe("standard-acknowledged");

    [Fact]
    public void published_after_the_period_began_is_missing()
    {
        var element = StandardProvenance.Check(Hire().Apply(Ack), Standard(publishedOn: "2026-11-06"), "yun", "ops", PeriodFrom);

        element.Satisfied.ShouldBeFalse();
        element.Code.ShouldBe("standard-published");
    }

    [Fact]
    public void no_standard_in_force_is_missing() =>
        StandardProvenance.Check(Hire().Apply(Ack), null, "yun", "ops", PeriodFrom).Satisfied.ShouldBeFalse();
}
