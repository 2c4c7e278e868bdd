using EventHr.Domain.Common;

namespace EventHr.Domain.Cases.Decisions;

/// <summary>The body of POST /api/cases/{caseId}/decisions.</summary>
public sealed record DecideCase(string? Kind, string? Reason, DateOnly? Until, string? ToPostId, decimal? NewMonthlySalary,
    string? ConsentRef, DateOnly? EffectiveOn, DateOnly? UnionNotifiedOn, string? NoticeKind, DateOnly? ServedOn);

public static class DecisionKinds
{
    public const string Pass = "pass";
    public const string Extend = "extend";
    public const string Finding = "finding";
    public const string Reassign = "reassign";
    public const string AdjustPay = "adjust-pay";
    public const string Terminate = "terminate";

    public static readonly IReadOnlyList<string> All = [Pass, Extend, Finding, Reassign, AdjustPay, Terminate];

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
            case Terminate:
                if (d.NoticeKind is not null and not ("30-days" or "pay-in-lieu")) errors.Add("noticeKind", "must be 30-days or pay-in-lieu");
                break;
        }
        return errors;
    }
}
