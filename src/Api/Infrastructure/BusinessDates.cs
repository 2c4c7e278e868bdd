using EventHr.Domain.Organisation;

namespace EventHr.Api.Infrastructure;

/// <summary>Business dates are the brand's calendar days (default Asia/Shanghai), not UTC's.</summary>
public static class BusinessDates
{
    public static DateOnly Today(TimeProvider clock, string timeZone = Brand.DefaultTimeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
}
