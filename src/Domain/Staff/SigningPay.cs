using EventHr.Domain.Common;

namespace EventHr.Domain.Staff;

/// <param name="SignedOn">for a signed paper HR records: the day it was signed (the employee signing here signs today)</param>
public sealed record SignPayAgreement(string? Reference, decimal? NewMonthlySalary, DateOnly? EffectiveOn, DateOnly? SignedOn = null);

/// <summary>Art. 35: a change of pay agreed in writing, signed by the employee (self-service) or on paper that HR records.</summary>
public static class SigningPay
{
    public static FieldErrors Validate(SignPayAgreement cmd)
    {
        var errors = new FieldErrors();
        errors.RequireText(cmd.Reference, "reference", 200);
        if (cmd.NewMonthlySalary is null) errors.Add("newMonthlySalary", "is required");
        else errors.Require(cmd.NewMonthlySalary > 0, "newMonthlySalary", "must be greater than 0");
        errors.Require(cmd.EffectiveOn is not null, "effectiveOn", "is required (yyyy-MM-dd)");
        return errors;
    }

    public static Result<PayAgreementSigned> Decide(Employee employee, SignPayAgreement cmd, bool bySelf, DateOnly today, Actor actor, DateTimeOffset now)
    {
        var signedOn = bySelf ? today : cmd.SignedOn ?? today;
        var errors = new FieldErrors();
        if (!bySelf && cmd.SignedOn is null) errors.Add("signedOn", "is required for a signed paper: the day the employee signed it");
        if (signedOn > today) errors.Add("signedOn", $"must not be after today ({today:yyyy-MM-dd})");
        if (employee.BeforeHire(signedOn, "signedOn") is { } early) errors.Merge(early);
        if (cmd.EffectiveOn < signedOn) errors.Add("effectiveOn", "must not be before the agreement was signed (pay is never changed retroactively)");
        if (!errors.IsEmpty) return Result<PayAgreementSigned>.Invalid(errors);
        if ((employee.PayAgreements ?? []).Any(a => a.Reference == cmd.Reference!.Trim()))
            return Result<PayAgreementSigned>.Conflict($"agreement '{cmd.Reference!.Trim()}' is already on record");
        return Result<PayAgreementSigned>.Ok(new PayAgreementSigned(employee.EmployeeId, cmd.Reference!.Trim(), cmd.NewMonthlySalary!.Value,
            cmd.EffectiveOn!.Value, signedOn, bySelf ? "self" : "paper", actor.UserId, now));
    }
}
