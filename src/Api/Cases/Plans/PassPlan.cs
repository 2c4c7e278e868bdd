using EventHr.Domain.Cases.Decisions;
using EventHr.Api.Cases.Decisions;
using EventHr.Domain.Common;

namespace EventHr.Api.Cases.Plans;

/// <summary>The manager accepts an improving period as enough: the case closes as passed.</summary>
public static class PassPlan
{
    public static Result<Decided> Decide(CaseDecision d) => Decided.From(ManagerDecisions.Pass(d.Case, d.Body, d.Actor, d.Now));
}
