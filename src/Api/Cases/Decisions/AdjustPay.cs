using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;

namespace EventHr.Api.Cases.Decisions;

/// <summary>调薪 without a change of post: only on a signed agreement (art. 35, G10).</summary>
public static class AdjustPay
{
    public static Result<Decided> Decide(CaseDecision d) =>
        Decided.From(PayDecisions.AdjustPay(d.Case, d.Subject.Employee, d.Body, d.Subject.Law(d.Settings.Law), d.Today, d.Actor, d.Now));
}
