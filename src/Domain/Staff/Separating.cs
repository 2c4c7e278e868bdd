using EventHr.Domain.Common;

namespace EventHr.Domain.Staff;

public sealed record RecordSeparation(string? Kind, DateOnly? Date, string? Reason);

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

    public static Result<EmploymentEnded> Decide(Employee employee, RecordSeparation cmd, Actor actor, DateTimeOffset now)
    {
        if (employee.EndedOn is { } ended)
            return Result<EmploymentEnded>.Conflict($"{employee.EmployeeId}'s employment already ended on {ended:yyyy-MM-dd}");
        if (cmd.Date < employee.HiredOn)
            return Result<EmploymentEnded>.Invalid(new FieldErrors().Add("date", $"is before the hire date {employee.HiredOn:yyyy-MM-dd}"));
        // A leaving is recorded once and cannot be re-dated, so a mistyped year is refused rather than kept.
        if (cmd.Date > DateOnly.FromDateTime(now.UtcDateTime).AddDays(MaxDaysAhead))
            return Result<EmploymentEnded>.Invalid(new FieldErrors().Add("date", $"is more than {MaxDaysAhead} days ahead"));
        return Result<EmploymentEnded>.Ok(new EmploymentEnded(employee.EmployeeId, cmd.Kind!, cmd.Date!.Value, cmd.Reason!.Trim(), null,
            actor.UserId, now));
    }
}
