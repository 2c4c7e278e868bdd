using EventHr.Api.Cases.Assessment;
using EventHr.Domain.Cases.Decisions;
using EventHr.Api.Cases.Decisions;
using EventHr.Domain.Common;

namespace EventHr.Api.Cases.Plans;

/// <summary>延期: a missed but clearly improving period gets more time; the new deadline books a timer of its own.</summary>
public static class ExtendPlan
{
    public static Result<Decided> Decide(CaseDecision d) =>
        Decided.From(ManagerDecisions.Extend(d.Case, d.Body, d.Actor, d.Now),
            extended => [PlanDeadline.For(d.Case.Apply(extended), d.Subject.TimeZone, d.Settings.NoDataGrace, d.Clock)]);
}
