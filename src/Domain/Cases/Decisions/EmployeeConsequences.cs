using EventHr.Domain.Common;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Cases.Decisions;

/// <summary>
/// Decisions that change the employment itself are facts of the employee's stream too, so the
/// profile (post, pay, end of employment) and every report read them from one place.
/// </summary>
public static class EmployeeConsequences
{
    public static IReadOnlyList<object> Of(object decided, Actor actor, DateTimeOffset now) => decided switch
    {
        EmployeeReassigned r when r.NewMonthlySalary != r.PreviousMonthlySalary =>
        [
            new PostChanged(r.EmployeeId, r.FromPostId, r.ToPostId, r.EffectiveOn, r.CaseId, actor.UserId, now),
            new SalaryChanged(r.EmployeeId, r.PreviousMonthlySalary, r.NewMonthlySalary, r.EffectiveOn, r.PayBasis, r.ConsentRef, r.CaseId, actor.UserId, now)
        ],
        EmployeeReassigned r => [new PostChanged(r.EmployeeId, r.FromPostId, r.ToPostId, r.EffectiveOn, r.CaseId, actor.UserId, now)],
        PayAdjusted p =>
            [new SalaryChanged(p.EmployeeId, p.PreviousMonthlySalary, p.NewMonthlySalary, p.EffectiveOn, "signed-agreement", p.ConsentRef, p.CaseId, actor.UserId, now)],
        EmploymentTerminated { EndPostponedBy: { } p } t =>
        [
            new EmploymentEnded(t.EmployeeId, "termination-art40-2", t.EffectiveOn, t.Reason, t.CaseId, actor.UserId, now),
            new EmploymentEndPostponed(t.EmployeeId, p.Kind, p.From, p.To, t.EffectiveOn, p.To is { } to && to > t.EffectiveOn ? to : p.To is null ? null : t.EffectiveOn,
                actor.UserId, now)
        ],
        EmploymentTerminated t => [new EmploymentEnded(t.EmployeeId, "termination-art40-2", t.EffectiveOn, t.Reason, t.CaseId, actor.UserId, now)],
        ProbationDismissed p => [new EmploymentEnded(p.EmployeeId, "probation-dismissal-art39-1", p.ServedOn, p.Reason, p.CaseId, actor.UserId, now)],
        _ => []
    };
}
