namespace EventHr.Domain.Reports;

/// <summary>Which brand's reporting is done up to which business day (the 09:00 run records it).</summary>
public sealed record ReportSchedule(string Id, string BrandId, DateOnly? LastReportedDay, DateTimeOffset? NextRunAt)
{
    public static string IdFor(string brandId) => $"reports:{brandId}";
}

/// <summary>
/// Story 5's timing: at 09:00 in the brand's zone the previous business day is reported. A day
/// missed while the API was down is reported when it comes back (a week at most, oldest first);
/// a day already reported is never reported again.
/// </summary>
public static class ReportTiming
{
    public static readonly TimeOnly SendAt = new(9, 0);
    public const int MaxCatchUpDays = 7;

    public static IReadOnlyList<DateOnly> DaysDue(DateOnly? lastReported, DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        var latestDue = TimeOnly.FromDateTime(localNow) >= SendAt ? today.AddDays(-1) : today.AddDays(-2);
        var first = lastReported?.AddDays(1) ?? latestDue;
        if (first < latestDue.AddDays(1 - MaxCatchUpDays)) first = latestDue.AddDays(1 - MaxCatchUpDays);
        var days = new List<DateOnly>();
        for (var d = first; d <= latestDue; d = d.AddDays(1)) days.Add(d);
        return days;
    }
}
