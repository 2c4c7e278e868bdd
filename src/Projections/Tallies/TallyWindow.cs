using EventHr.Domain.Rules;
using EventHr.Domain.Staff;

namespace EventHr.Projections.Tallies;

/// <summary>Turns stored tally rows into per-day figures: corrections already applied, shops of one day combined.</summary>
public static class TallyWindow
{
    public static List<DayFigures> Days(IEnumerable<StoredTally> rows, Employee employee) => Days(rows, employee.MonthlySalaryOn);

    /// <param name="salaryOn">the employee's monthly wage in force on a date</param>
    public static List<DayFigures> Days(IEnumerable<StoredTally> rows, Func<DateOnly, decimal> salaryOn) =>
        rows.GroupBy(r => r.Date).OrderBy(g => g.Key)
            .Select(g => DayFigures.Of(g.Key, Domain.Kpi.RawMetrics.Combine(g.Select(r => r.Metrics).ToList()), salaryOn(g.Key)))
            .ToList();
}
