using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;

namespace EventHr.Api.Cases.Decisions;

/// <summary>不能胜任工作: the manager declines to extend an improving but missed period, which becomes a finding (G4, G5).</summary>
public static class RecordFinding
{
    public static Result<Decided> Decide(CaseDecision d) => Decided.From(ManagerDecisions.Finding(d.Case, d.Body, d.Actor, d.Now));
}
