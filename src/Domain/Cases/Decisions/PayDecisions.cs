using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Cases.Decisions;

/// <summary>调岗 and 调薪: the remedies that change post or pay, guarded by art. 35 (G10).</summary>
public static class PayDecisions
{
    /// <summary>
    /// A reassignment to a post the current one lists as compatible, after finding #1 (G5). Pay stays
    /// unless a new wage is given; a lower one must sit in the new band with a contract clause or a signed agreement.
    /// </summary>
    public static Result<EmployeeReassigned> Reassign(PerformanceCase c, Employee employee, Post current, Post? target, DecideCase d,
        LawInForce law, DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (c.Status != CaseStatus.RemedyRequired) return CaseRefusals.WrongState(c, "a reassignment as remedy");
        if (employee.BeforeHire(d.EffectiveOn ?? today, "effectiveOn") is { } early) return Result<EmployeeReassigned>.Invalid(early);
        if (NotBackDated(d, today) is { } past) return Result<EmployeeReassigned>.Invalid(past);
        if (target is null) return Result<EmployeeReassigned>.NotFound($"no post '{d.ToPostId}'");
        if (target.PostId == current.PostId)
            return Result<EmployeeReassigned>.Invalid(new FieldErrors().Add("toPostId", "is the post the employee already holds"));
        if (!current.CompatiblePosts.Contains(target.PostId))
            return new Refusal(RefusalKind.LegalGuard, $"{target.PostId} is not listed as compatible with {current.PostId}",
                "g5-reassignment-not-suitable", ["compatible-post"]);
        var salary = d.NewMonthlySalary ?? employee.MonthlySalary;
        var elements = PayChange.ForReassignment(employee, target, salary, d.ConsentRef, law, d.EffectiveOn ?? today,
            c.Findings.FirstOrDefault(f => f.Number == 1)?.At);
        if (CaseRefusals.Legal(elements, "the new pay is not allowed (art. 35)") is { } refusal) return refusal;
        var basis = salary >= employee.MonthlySalary ? "no-cut"
            : employee.AgreementFor(d.ConsentRef, salary, d.EffectiveOn ?? today) is not null ? "signed-agreement" : "contract-clause";
        return Result<EmployeeReassigned>.Ok(new EmployeeReassigned(c.CaseId, employee.EmployeeId, current.PostId, target.PostId,
            d.EffectiveOn ?? today, employee.MonthlySalary, salary, new PayBandSnapshot(target.PayBand.Min, target.PayBand.Max), basis,
            d.ConsentRef, d.Reason!, actor.UserId, now));
    }

    /// <summary>A pay change without a change of post: a cut needs a signed agreement, whatever the contract says.</summary>
    public static Result<PayAdjusted> AdjustPay(PerformanceCase c, Employee employee, DecideCase d, LawInForce law, DateOnly today,
        Actor actor, DateTimeOffset now)
    {
        if (!c.IsOpen) return CaseRefusals.WrongState(c, "a pay adjustment");
        if (employee.BeforeHire(d.EffectiveOn ?? today, "effectiveOn") is { } early) return Result<PayAdjusted>.Invalid(early);
        if (NotBackDated(d, today) is { } past) return Result<PayAdjusted>.Invalid(past);
        var elements = PayChange.ForAdjustment(employee, d.NewMonthlySalary!.Value, d.ConsentRef, law, d.EffectiveOn ?? today);
        if (CaseRefusals.Legal(elements, "a pay cut without a change of post needs a signed agreement (art. 35)") is { } refusal) return refusal;
        return Result<PayAdjusted>.Ok(new PayAdjusted(c.CaseId, employee.EmployeeId, d.EffectiveOn ?? today, employee.MonthlySalary,
            d.NewMonthlySalary!.Value, d.ConsentRef ?? "", d.Reason!, actor.UserId, now));
    }

    /// <summary>G10/G12: pay and post change from today or later, never retroactively (wages already due stay due).</summary>
    private static FieldErrors? NotBackDated(DecideCase d, DateOnly today) =>
        d.EffectiveOn is { } on && on < today ? new FieldErrors().Add("effectiveOn", $"must not be before today ({today:yyyy-MM-dd}): a change is never back-dated") : null;
}
