using EventHr.Domain.Common;
using EventHr.Domain.Kpi;

namespace EventHr.Domain.Tallies;

/// <summary>What one incoming row is checked against; a bad row is rejected alone.</summary>
public static class TallyRules
{
    public const int MaxBatchRows = 10_000;
    public const int MaxSourceIdLength = 200;

    /// <summary>The facts about an employee that a row must fit.</summary>
    public sealed record EmployeeFacts(DateOnly HiredOn, DateOnly? EndedOn = null);

    public static FieldErrors Check(TallyRow row, EmployeeFacts? employee, DateOnly latestAllowedDate)
    {
        var errors = new FieldErrors();
        if (employee is null) errors.Add("employeeId", $"unknown employee '{row.EmployeeId}'");
        else if (row.Date < employee.HiredOn) errors.Add("date", $"is before the employee was hired ({employee.HiredOn:yyyy-MM-dd})");
        else if (row.Date > employee.EndedOn) errors.Add("date", $"is after the employment ended ({employee.EndedOn:yyyy-MM-dd})");
        if (row.Date > latestAllowedDate) errors.Add("date", "is in the future");
        if (row.Corrects == row.SourceId) errors.Add("corrects", "a row cannot correct itself");
        CheckMetrics(row.Metrics, errors);
        return errors;
    }

    private static void CheckMetrics(RawMetrics m, FieldErrors errors)
    {
        NotNegative(m.Orders, Metrics.Orders, errors);
        NotNegative(m.Visitors, Metrics.Visitors, errors);
        NotNegative(m.RepeatOrders, Metrics.RepeatOrders, errors);
        NotNegative(m.Clicks, Metrics.Clicks, errors);
        NotNegative(m.Revenue, Metrics.Revenue, errors);
        NotNegative(m.AvgResponseSeconds, Metrics.AvgResponseSeconds, errors);
        NotNegative(m.DwellSeconds, Metrics.DwellSeconds, errors);
        if (m.Csat is < 0 or > 100) errors.Add($"metrics.{Metrics.Csat}", "must be between 0 and 100");
        if (m.RepeatOrders is { } r && m.Orders is { } o && r > o)
            errors.Add($"metrics.{Metrics.RepeatOrders}", "cannot exceed orders");
    }

    private static void NotNegative(decimal? value, string metric, FieldErrors errors)
    {
        if (value < 0) errors.Add($"metrics.{metric}", "must not be negative");
    }
}
