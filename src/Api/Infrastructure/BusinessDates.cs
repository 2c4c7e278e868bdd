namespace EventHr.Api.Infrastructure;

/// <summary>Business dates are a brand's calendar days, not UTC's: "today" is always asked in a brand's time zone.</summary>
public static class BusinessDates
{
    public static DateOnly Today(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    /// <summary>Today in a brand's zone (the default zone for a brand not on file).</summary>
    public static DateOnly Today(TimeProvider clock, Domain.Organisation.Brand? brand) =>
        Today(clock, brand?.TimeZone ?? Domain.Organisation.Brand.DefaultTimeZone);

    /// <summary>The brand an employee works for, whose zone decides their business day.</summary>
    public static async Task<Domain.Organisation.Brand?> BrandOfAsync(Domain.Staff.Employee? employee, Marten.IQuerySession session,
        CancellationToken ct) =>
        employee is null ? null : await session.LoadAsync<Domain.Organisation.Brand>(Domain.Common.StreamKeys.Brand(employee.BrandId), ct);
}
