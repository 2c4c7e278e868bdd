using EventHr.Domain.Rules;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Reports;

/// <summary>One day of an employee in the department head's calendar.</summary>
/// <param name="Attainment">the day's lowest ratio of actual to target over the standard's metrics (1.0 = on target); null when not tallied or no standard</param>
/// <param name="Met">every target of the standard met; null when not tallied or no standard</param>
/// <param name="InLowRun">the day belongs to a run of the rule's consecutive low days (story 1: three days below half the target)</param>
public sealed record CalendarDay(DateOnly Date, bool Tallied, decimal? Attainment, bool? Met, bool InLowRun);

public sealed record CalendarRow(string EmployeeId, string Name, string PostId, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// The department head's employee × day attainment calendar. A low run is judged as the early-warning
/// rule judges it (<see cref="LowPerformanceRule"/>): one metric low on N consecutive tallied days, the
/// days without a tally of that metric skipped, so the calendar stands out where the rule warns.
/// </summary>
public static class AttainmentCalendar
{
    /// <param name="days">the employee's tallied days in date order; those before <paramref name="from"/> only complete a run that reaches into the window</param>
    /// <param name="versionOn">the standard version in force for the employee's post on a date</param>
    public static IReadOnlyList<CalendarDay> Days(IReadOnlyList<DayFigures> days, Func<DateOnly, StandardVersion?> versionOn,
        RuleSettings settings, DateOnly from, DateOnly to)
    {
        var low = LowRunDates(days, versionOn, settings);
        var byDate = days.ToDictionary(d => d.Date);
        var cells = new List<CalendarDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!byDate.TryGetValue(date, out var day))
            {
                cells.Add(new CalendarDay(date, false, null, null, false));
                continue;
            }
            var attained = versionOn(date)?.Metrics.Select(m => Attainment.Of(m.Value, day.Value(m.Key))).Where(a => a.Ratio is not null).ToList();
            cells.Add(attained is { Count: > 0 }
                ? new CalendarDay(date, true, attained.Min(a => a.Ratio), attained.All(a => a.Met == true), low.Contains(date))
                : new CalendarDay(date, true, null, null, low.Contains(date)));
        }
        return cells;
    }

    private static HashSet<DateOnly> LowRunDates(IReadOnlyList<DayFigures> days, Func<DateOnly, StandardVersion?> versionOn, RuleSettings settings)
    {
        var marked = new HashSet<DateOnly>();
        var metrics = days.Select(d => versionOn(d.Date)).Where(v => v is not null).SelectMany(v => v!.Metrics.Keys).Distinct();
        foreach (var metric in metrics)
        {
            var run = new List<DateOnly>();
            foreach (var day in days.Where(d => d.Value(metric) is not null))
            {
                if (LowPerformanceRule.IsLow(day, metric, versionOn(day.Date), settings)) run.Add(day.Date);
                else Close(run);
            }
            Close(run);
        }
        return marked;

        void Close(List<DateOnly> run)
        {
            if (run.Count >= settings.ConsecutiveLowDays) marked.UnionWith(run);
            run.Clear();
        }
    }
}
