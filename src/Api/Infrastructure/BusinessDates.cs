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

    /// <summary>Today in the zone of the caller's brand when the token names exactly one, else the default zone.</summary>
    public static async Task<DateOnly> TodayForAsync(System.Security.Claims.ClaimsPrincipal user, Marten.IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        var brands = user.Scope().Brands;
        var brand = brands.Count == 1
            ? await session.LoadAsync<Domain.Organisation.Brand>(Domain.Common.StreamKeys.Brand(brands.Single()), ct) : null;
        return Today(clock, brand);
    }

    /// <summary>An optional date of a query string (yyyy-MM-dd); a malformed one is a field error.</summary>
    public static DateOnly? Parse(string? text, string field, Domain.Common.FieldErrors errors)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d)) return d;
        errors.Add(field, "must be a date in the form yyyy-MM-dd");
        return null;
    }
}
