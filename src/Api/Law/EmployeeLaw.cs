using EventHr.Domain.Law;
using EventHr.Domain.Law.Figures;
using EventHr.Domain.Law.Wages;
using EventHr.Domain.Staff;
using Marten;

namespace EventHr.Api.Law;

/// <summary>The law an employee's decision is judged by: the rules, the published figures of their city and payroll's wages due.</summary>
public static class EmployeeLaw
{
    public static async Task<LawInForce> LoadAsync(Employee employee, LawSettings settings, IQuerySession session, CancellationToken ct)
    {
        var (figures, wages) = await LoadRecordsAsync(employee, session, ct);
        return new LawInForce(settings, figures, wages);
    }

    /// <summary>The records the law reads for an employee: their city's figures and their wages due.</summary>
    public static async Task<(LawFigureBook? Figures, IReadOnlyList<WageDue> WagesDue)> LoadRecordsAsync(Employee employee, IQuerySession session,
        CancellationToken ct)
    {
        var figures = employee.Facts.City is { } city ? await session.LoadAsync<LawFigureBook>(LawFigureBook.StreamKey(city), ct) : null;
        var payroll = await session.LoadAsync<PayrollRecord>(PayrollRecord.StreamKey(employee.EmployeeId), ct);
        return (figures, payroll?.Months ?? []);
    }
}
