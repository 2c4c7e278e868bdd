namespace EventHr.Domain.Law.Wages;

/// <summary>
/// A month's wages due to an employee (应得工资, Regs art. 27): base pay, bonuses and allowances as payroll computed
/// them, before tax and social insurance. The severance base and pay in lieu are taken from these, not from the
/// contract rate alone.
/// </summary>
public sealed record WageDue(string EmployeeId, int Year, int Month, decimal Base, decimal Bonus, decimal Allowances)
{
    public decimal Total => Base + Bonus + Allowances;
    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);
}

/// <summary>Payroll's wages due for one employee-month, as the payroll system sends them.</summary>
/// <param name="Month">yyyy-MM</param>
public sealed record PayrollRowInput(string? SourceId, string? EmployeeId, string? Month, decimal? Base, decimal? Bonus, decimal? Allowances);

/// <summary>Payroll recorded a month's wages due; a later row for the same month (a payroll correction) replaces it.</summary>
public sealed record WagesDueRecorded(string EmployeeId, int Year, int Month, decimal Base, decimal Bonus, decimal Allowances, string SourceId,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>One employee's wages due by month (stream <c>payroll:{employeeId}</c>), and the payroll rows already taken.</summary>
public sealed record PayrollRecord(string Id, string EmployeeId, IReadOnlyList<WageDue> Months, IReadOnlyList<string> SourceIds)
{
    public static string StreamKey(string employeeId) => $"payroll:{employeeId}";

    public static PayrollRecord Create(WagesDueRecorded e) => new PayrollRecord(StreamKey(e.EmployeeId), e.EmployeeId, [], []).Apply(e);

    public PayrollRecord Apply(WagesDueRecorded e) => this with
    {
        Months = [.. Months.Where(m => m.Year != e.Year || m.Month != e.Month), new WageDue(e.EmployeeId, e.Year, e.Month, e.Base, e.Bonus, e.Allowances)],
        SourceIds = [.. SourceIds, e.SourceId]
    };
}

public static class PayrollRows
{
    /// <summary>Why a row cannot be taken, or null (dates against the employment are checked by the caller, which knows it).</summary>
    public static string? Refusal(PayrollRowInput row)
    {
        if (string.IsNullOrWhiteSpace(row.SourceId) || row.SourceId.Length > 128) return "sourceId is required (at most 128 characters)";
        if (string.IsNullOrWhiteSpace(row.EmployeeId)) return "employeeId is required";
        if (ParseMonth(row.Month) is null) return "month must be yyyy-MM";
        if (row.Base is not (>= 0 and < 10_000_000m)) return "base is required: the month's base pay due, 0 or more";
        if (row.Bonus is < 0 or >= 10_000_000m) return "bonus must be 0 or more";
        if (row.Allowances is < 0 or >= 10_000_000m) return "allowances must be 0 or more";
        return null;
    }

    public static DateOnly? ParseMonth(string? month) =>
        month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var first) ? first : null;
}
