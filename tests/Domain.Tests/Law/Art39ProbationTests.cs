using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;
using EventHr.Domain.Kpi;
using EventHr.Domain.Law;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Staff.Employment;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Law;

/// <summary>G15: the founding article's new hire failing in the first weeks, dismissed within probation under art. 39(1).</summary>
public class Art39ProbationTests
{
    private static readonly Actor Hr = new("hr-li", "hr");
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static EmploymentFacts OnProbation(string until = "2026-12-31", bool conditions = true) => new(City: City,
        ContractKind: ContractKinds.FixedTerm, StartsOn: new DateOnly(2026, 11, 1), EndsOn: new DateOnly(2029, 10, 31),
        ProbationUntil: DateOnly.Parse(until), HiringConditions: conditions ? [new HiringCondition("orders", 8, "日均订单不少于8单")] : []);

    private static Employee NewHire(EmploymentFacts? facts = null, bool acknowledged = true)
    {
        var e = Hire(facts: facts ?? OnProbation());
        return acknowledged ? e.Apply(new HiringConditionsAcknowledged("E1001", "self", "E1001", T0)) : e;
    }

    private static List<DayFigures> Days(int orders, int count = 10) => Enumerable.Range(0, count)
        .Select(i => DayFigures.Of(new DateOnly(2026, 11, 2).AddDays(i), new RawMetrics(Orders: orders, Visitors: 150), 10_000m)).ToList();

    private static DecideCase Dismiss(string served = "2026-11-20", string until = "2026-11-11", NoticeDelivery? delivery = null) =>
        new("probation-dismissal", "试用期内不符合录用条件：日均订单2单，录用条件8单", DateOnly.Parse(until), null, null, null, null,
            new DateOnly(2026, 11, 19), null, DateOnly.Parse(served), delivery ?? new NoticeDelivery("in-person", "试用期解除通知书签收"),
            null, new DateOnly(2026, 11, 2), ["orders"]);

    [Fact]
    public void within_probation_a_communicated_condition_the_tallies_show_missed_ends_the_employment_without_notice_or_severance()
    {
        var result = ProbationDecision.Dismiss(Opened(), NewHire(), Dismiss(), Days(2), 5, Today, Hr, T0);

        result.IsOk.ShouldBeTrue(result.Refusal?.Detail);
        result.Value!.ServedOn.ShouldBe(Today);
        result.Value.ConditionsFailed.Single().ShouldBe(new ConditionResult("orders", 8, EventHr.Domain.Standards.TargetDirection.AtLeast, 2, 10, true));
        EmployeeConsequences.Of(result.Value, Hr, T0).OfType<EmploymentEnded>().Single().EffectiveOn.ShouldBe(Today);
    }

    public static TheoryData<string, Employee, DecideCase, List<DayFigures>, string, string[]> Refusals => new()
    {
        { "probation over", NewHire(OnProbation(until: "2026-11-15")), Dismiss(), Days(2), Art39Probation.NotInProbation, ["in-probation"] },
        { "no probation agreed", NewHire(OnProbation() with { ProbationUntil = null }), Dismiss(), Days(2), Art39Probation.NotInProbation, ["in-probation"] },
        { "no hiring condition communicated", NewHire(OnProbation(conditions: false), acknowledged: false), Dismiss(), Days(2), Art39Probation.NoCondition,
            ["hiring-conditions", "condition-shown"] },
        { "conditions not acknowledged", NewHire(acknowledged: false), Dismiss(), Days(2), Art39Probation.NoCondition, ["hiring-conditions"] },
        { "the tallies meet the condition", NewHire(), Dismiss(), Days(9), Art39Probation.NotShown, ["condition-shown"] },
        { "too few tallied days", NewHire(), Dismiss(), Days(2, count: 3), Art39Probation.NotShown, ["condition-shown"] },
        { "reasons not delivered in writing", NewHire(), Dismiss(delivery: new NoticeDelivery("in-person", "")), Days(2), Art39Probation.Writing, ["reasons-in-writing"] },
    };

    [Theory, MemberData(nameof(Refusals))]
    public void a_dismissal_in_probation_missing_an_element_is_refused_with_its_guard(string situation, Employee employee, DecideCase d,
        List<DayFigures> days, string guard, string[] missing)
    {
        var result = ProbationDecision.Dismiss(Opened(), employee, d, days, 5, Today, Hr, T0);

        result.Refusal!.Kind.ShouldBe(RefusalKind.LegalGuard, situation);
        result.Refusal.Guard.ShouldBe(guard, situation);
        result.Refusal.Missing.ShouldBe(missing, situation);
    }
}
