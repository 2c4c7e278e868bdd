using EventHr.Domain.Common;

namespace EventHr.Domain.Cases.Decisions;

/// <summary>How the written notice reached the employee (art. 40: notice in writing; its delivery is the employer's to prove).</summary>
/// <param name="Method">in-person, post or email</param>
/// <param name="Reference">the signed receipt, the tracking number, the message id</param>
public sealed record NoticeDelivery(string? Method, string? Reference);

/// <summary>Art. 43: the union (or the employees' representatives) told the reasons beforehand, and its reply if it gave one.</summary>
public sealed record UnionConsultation(DateOnly? NotifiedOn, string? Reasons, DateOnly? ReplyOn = null, string? Reply = null);

/// <summary>The body of POST /api/cases/{caseId}/decisions.</summary>
/// <param name="UnionNotifiedOn">the older form of <c>union.notifiedOn</c>, still accepted</param>
public sealed record DecideCase(string? Kind, string? Reason, DateOnly? Until, string? ToPostId, decimal? NewMonthlySalary,
    string? ConsentRef, DateOnly? EffectiveOn, DateOnly? UnionNotifiedOn, string? NoticeKind, DateOnly? ServedOn,
    NoticeDelivery? Delivery = null, UnionConsultation? Union = null, DateOnly? From = null, IReadOnlyList<string>? ConditionsFailed = null)
{
    public DateOnly? UnionToldOn => Union?.NotifiedOn ?? UnionNotifiedOn;
}

public static class DecisionKinds
{
    public const string Pass = "pass";
    public const string Extend = "extend";
    public const string Finding = "finding";
    public const string Reassign = "reassign";
    public const string AdjustPay = "adjust-pay";
    public const string Terminate = "terminate";
    public const string ProbationDismissal = "probation-dismissal";

    public static readonly IReadOnlyList<string> All = [Pass, Extend, Finding, Reassign, AdjustPay, Terminate, ProbationDismissal];

    public static FieldErrors Validate(DecideCase d)
    {
        var errors = new FieldErrors();
        if (!All.Contains(d.Kind ?? "")) errors.Add("kind", $"must be one of {string.Join(", ", All)}");
        errors.RequireText(d.Reason, "reason", 2000);
        switch (d.Kind)
        {
            case Extend: errors.Require(d.Until is not null, "until", "is required to extend"); break;
            case Reassign:
                Ids.Require(errors, d.ToPostId, "toPostId");
                if (d.NewMonthlySalary is <= 0) errors.Add("newMonthlySalary", "must be greater than 0");
                break;
            case AdjustPay:
                if (d.NewMonthlySalary is null) errors.Add("newMonthlySalary", "is required to adjust pay");
                else errors.Require(d.NewMonthlySalary > 0, "newMonthlySalary", "must be greater than 0");
                break;
            case ProbationDismissal:
                errors.Require(d.From is not null, "from", "is required: the first day of the period whose tallies show the condition missed");
                errors.Require(d.Until is not null, "until", "is required: the last day of that period");
                if (d.From is { } f && d.Until is { } u) errors.Require(u >= f, "until", "must not be before from");
                if (d.ConditionsFailed is not { Count: > 0 }) errors.Add("conditionsFailed", "name the metric of at least one hiring condition not met");
                else errors.RequireList(d.ConditionsFailed, "conditionsFailed", 20);
                goto case Terminate;
            case Terminate:
                if (d.NoticeKind is not null and not ("30-days" or "pay-in-lieu")) errors.Add("noticeKind", "must be 30-days or pay-in-lieu");
                if (d.Delivery is { } delivery)
                {
                    if (delivery.Method is not ("in-person" or "post" or "email")) errors.Add("delivery.method", "must be in-person, post or email");
                    errors.RequireText(delivery.Reference, "delivery.reference", 200);
                }
                if (d.Union is { } union)
                {
                    errors.Require(union.NotifiedOn is not null, "union.notifiedOn", "is required (yyyy-MM-dd)");
                    errors.RequireText(union.Reasons, "union.reasons", 2000);
                    if (union.Reply is { Length: > 2000 }) errors.Add("union.reply", "must be at most 2000 characters");
                    if (union.ReplyOn is { } reply && union.NotifiedOn is { } told) errors.Require(reply >= told, "union.replyOn", "must not be before notifiedOn");
                }
                break;
        }
        return errors;
    }
}
