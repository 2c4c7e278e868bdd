using EventHr.Domain.Reports;

namespace EventHr.Domain.Tests.Reports;

public class ReportTimingTests
{
    private static DateTime At(string local) => DateTime.Parse(local);

    [Theory]
    [InlineData("2026-11-20", "2026-11-22 09:00", new[] { "2026-11-21" })]                       // on time: yesterday
    [InlineData("2026-11-20", "2026-11-22 08:59", new string[0])]                                 // before 09:00: nothing yet
    [InlineData("2026-11-18", "2026-11-22 10:30", new[] { "2026-11-19", "2026-11-20", "2026-11-21" })] // down two days: catch up in order
    [InlineData("2026-11-21", "2026-11-22 23:00", new string[0])]                                 // already sent today: never twice
    [InlineData(null, "2026-11-22 09:30", new[] { "2026-11-21" })]                               // first run: yesterday only
    [InlineData("2026-10-01", "2026-11-22 09:30", new[] { "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21" })]
    public void the_days_due_are_those_after_the_last_reported_up_to_yesterday_once_it_is_nine(string? last, string now, string[] expected)
    {
        var days = ReportTiming.DaysDue(last is null ? null : DateOnly.Parse(last), At(now));

        days.Select(d => d.ToString("yyyy-MM-dd")).ShouldBe(expected);
    }
}
