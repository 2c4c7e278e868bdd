using EventHr.Domain.Law.Figures;
using EventHr.Domain.Law.Wages;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Law;

/// <summary>
/// What a decision about one employee is judged by: the rules (settings), the published figures of the employee's
/// city (dated master data) and the wages payroll says were due. A decision uses those in force on its date and
/// records what it used.
/// </summary>
public sealed record LawInForce(LawSettings Settings, LawFigureBook? Figures, IReadOnlyList<WageDue> WagesDue)
{
    public static LawInForce Rules(LawSettings settings) => new(settings, null, []);

    public CityFigures CityFiguresOn(string? city, DateOnly date) =>
        CityFigures.For(city, city is not null && Figures is { } book && string.Equals(book.City, city, StringComparison.OrdinalIgnoreCase) ? book : null, date);

    /// <summary>G9 for an employment whose last day is given.</summary>
    public SeveranceOutcome SeveranceOf(Employee employee, DateOnly lastDay) => Severance.Calculate(
        new SeveranceFacts(employee.ServiceFrom, employee.HiredOn, lastDay, WagesDue, employee.MonthlySalaryOn, CityFiguresOn(employee.Facts.City, lastDay)),
        Settings);

    /// <summary>Regs art. 20: the previous month's wage.</summary>
    public (decimal Amount, string From) PayInLieuOf(Employee employee, DateOnly servedOn) =>
        Severance.PayInLieu(servedOn, employee.HiredOn, WagesDue, employee.MonthlySalaryOn);

    /// <summary>The minimum monthly wage of the employee's city in force on a date, if recorded.</summary>
    public LawFigure? MinimumWageOn(Employee employee, DateOnly date) => CityFiguresOn(employee.Facts.City, date).MinimumWage;
}
