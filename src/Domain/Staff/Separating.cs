using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Staff.Employment;

namespace EventHr.Domain.Staff;

/// <param name="RenewalRefusedOnSameTerms">for a contract's end: the employee refused a renewal on the same or better terms (no N, art. 46(5))</param>
public sealed record RecordSeparation(string? Kind, DateOnly? Date, string? Reason, bool? RenewalRefusedOnSameTerms = null);

/// <summary>
/// 离职: a resignation, a contract that ran out, or a mutual agreement. An art. 40(2) termination is
/// not recorded here: it comes only from a performance case, where its legal guards apply.
/// </summary>
public static class Separating
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["resignation"] = "主动辞职 resignation",
        ["contract-end"] = "合同到期终止 contract ended",
        ["mutual-agreement"] = "协商解除 mutual agreement (art. 36)",
    };

    /// <summary>A contract's end is known ahead, but not by more than a year.</summary>
    public const int MaxDaysAhead = 366;

    public static FieldErrors Validate(RecordSeparation cmd)
    {
        var errors = new FieldErrors();
        if (cmd.Kind is null || !Kinds.ContainsKey(cmd.Kind))
            errors.Add("kind", cmd.Kind?.StartsWith("termination") == true
                ? "a termination is decided in its performance case (POST /api/cases/{caseId}/decisions)"
                : $"must be one of {string.Join(", ", Kinds.Keys)}");
        errors.Require(cmd.Date is not null, "date", "is required (yyyy-MM-dd)");
        errors.RequireText(cmd.Reason, "reason", 2000);
        return errors;
    }

    public const string ExtendedGuard = "art45-contract-extended";

    public static Result<EmploymentEnded> Decide(Employee employee, RecordSeparation cmd, LawInForce law, Actor actor, DateTimeOffset now)
    {
        if (employee.EndedOn is { } ended)
            return Result<EmploymentEnded>.Conflict($"{employee.EmployeeId}'s employment already ended on {ended:yyyy-MM-dd}");
        if (cmd.Date < employee.HiredOn)
            return Result<EmploymentEnded>.Invalid(new FieldErrors().Add("date", $"is before the hire date {employee.HiredOn:yyyy-MM-dd}"));
        // A leaving is recorded once and cannot be re-dated, so a mistyped year is refused rather than kept.
        if (cmd.Date > DateOnly.FromDateTime(now.UtcDateTime).AddDays(MaxDaysAhead))
            return Result<EmploymentEnded>.Invalid(new FieldErrors().Add("date", $"is more than {MaxDaysAhead} days ahead"));
        if (cmd.Kind == "contract-end") return ContractEnd(employee, cmd, law, actor, now);
        return Result<EmploymentEnded>.Ok(new EmploymentEnded(employee.EmployeeId, cmd.Kind!, cmd.Date!.Value, cmd.Reason!.Trim(), null,
            actor.UserId, now));
    }

    /// <summary>
    /// Arts. 44, 45, 46(5), 71: a fixed-term (or per-task) contract that ends owes N unless the employee refused a renewal on
    /// the same or better terms; part-time work ends without it; an open-ended contract has no end. A contract ending
    /// while an art. 42 status lasts is extended until it ends (art. 45): then this is refused.
    /// </summary>
    private static Result<EmploymentEnded> ContractEnd(Employee employee, RecordSeparation cmd, LawInForce law, Actor actor, DateTimeOffset now)
    {
        var (facts, date) = (employee.Facts, cmd.Date!.Value);
        if (facts.ContractKind == ContractKinds.OpenEnded)
            return Result<EmploymentEnded>.Invalid(new FieldErrors().Add("kind", "an open-ended contract does not end by itself: record a resignation or an agreement"));
        if (facts.ContractKind == ContractKinds.FixedTerm && facts.EndsOn is { } ends && date != ends)
            return Result<EmploymentEnded>.Invalid(new FieldErrors().Add("date", $"is not the contract's end {ends:yyyy-MM-dd} (record a renewal with the employment facts)"));
        if (employee.ProtectionsOn(date) is { Count: > 0 } statuses)
            return new Refusal(RefusalKind.LegalGuard,
                $"the contract is extended while {string.Join(", ", statuses.Select(s => s.Kind))} lasts (art. 45): it ends when the status ends",
                ExtendedGuard, ["no-protected-status"]);
        var end = new EmploymentEnded(employee.EmployeeId, cmd.Kind!, date, cmd.Reason!.Trim(), null, actor.UserId, now);
        if (facts.ContractKind == ContractKinds.PartTime) return Result<EmploymentEnded>.Ok(end with { SeveranceNote = "part-time work ends without compensation (art. 71)" });
        if (cmd.RenewalRefusedOnSameTerms == true)
            return Result<EmploymentEnded>.Ok(end with { SeveranceNote = "the employee refused a renewal on the same or better terms (art. 46(5))" });
        var severance = law.SeveranceOf(employee, date);
        if (severance.Calculation is null) return severance.Refusal("the compensation for the contract's end (arts. 46(5), 47)");
        return Result<EmploymentEnded>.Ok(end with { Severance = severance.Calculation });
    }
}
