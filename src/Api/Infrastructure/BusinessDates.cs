namespace EventHr.Api.Infrastructure;

/// <summary>Business dates are a brand's calendar days, not UTC's: "today" is always asked in a brand's time zone.</summary>
public static class BusinessDates
{
    public static DateOnly Today(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
}
