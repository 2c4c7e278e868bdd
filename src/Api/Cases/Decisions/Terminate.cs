using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;

namespace EventHr.Api.Cases.Decisions;

/// <summary>解除劳动合同 under art. 40(2): only with every precondition in the history (G5–G9).</summary>
public static class Terminate
{
    public static Result<Decided> Decide(CaseDecision d) =>
        Decided.From(TerminationDecision.Terminate(d.Case, d.Subject.Employee, d.Body, d.Subject.Law(d.Settings.Law), d.Today, d.Actor, d.Now));
}
