using EventHr.Domain.Common;
using EventHr.Domain.Law;

namespace EventHr.Domain.Cases;

public static class CaseRefusals
{
    public static Refusal WrongState(PerformanceCase c, string action) =>
        new(RefusalKind.Conflict, $"case {c.CaseId} is {Describe(c.Status)}; {action} is not possible now");

    public static Refusal? Legal(IReadOnlyList<LegalElement> elements, string detail)
    {
        var refusal = LegalElements.Refusal(elements);
        return refusal is null ? null : new Refusal(RefusalKind.LegalGuard, detail, refusal.Value.Guard, refusal.Value.Missing);
    }

    public static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.PlanPending => "waiting for its plan to be acknowledged",
        CaseStatus.PlanActive => "in a plan period",
        CaseStatus.AwaitingDecision => "awaiting the manager's decision on an improving period",
        CaseStatus.RemedyRequired => "awaiting a remedy (training or reassignment) after finding #1",
        CaseStatus.TerminationPossible => "at finding #2",
        _ => "closed"
    };
}
