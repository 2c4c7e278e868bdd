namespace EventHr.Domain.Law;

/// <summary>A length of service: full years, then whole months, then days.</summary>
public readonly record struct ServiceLength(int Years, int Months, int Days)
{
    /// <summary>Service from the first day to the last day of employment, both days worked (hired 1 July, last day 31 December: six months).</summary>
    public static ServiceLength Worked(DateOnly firstDay, DateOnly lastDay) => Span(firstDay, lastDay.AddDays(1));

    /// <summary>The span from a day up to (not including) another.</summary>
    public static ServiceLength Span(DateOnly from, DateOnly until)
    {
        if (until <= from) return default;
        var months = (until.Year - from.Year) * 12 + until.Month - from.Month;
        if (from.AddMonths(months) > until) months--;
        var days = until.DayNumber - from.AddMonths(months).DayNumber;
        return new ServiceLength(months / 12, months % 12, days);
    }

    public override string ToString() => $"{Years} y {Months} m {Days} d";
}
