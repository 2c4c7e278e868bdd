namespace EventHr.Domain.Staff;

/// <summary>
/// What headcount and turnover need of a person: their brand, region and posts, and when they were employed. The group
/// views read this much of every profile (a tenth of it), not the profile itself.
/// </summary>
public sealed record StaffPeriod(string EmployeeId, string BrandId, string Region, DateOnly HiredOn, DateOnly? EndedOn,
    IReadOnlyList<PostPeriod> Posts)
{
    public bool EmployedOn(DateOnly day) => EmploymentCalendar.Covers(HiredOn, EndedOn, day);

    public string PostOn(DateOnly date) => EmploymentCalendar.PostOn(Posts, date);
}

/// <summary>The calendar of an employment, shared by the profile and its <see cref="StaffPeriod"/>.</summary>
public static class EmploymentCalendar
{
    /// <summary>Employed on a business day: hired by then and not yet gone (the last day of employment counts).</summary>
    public static bool Covers(DateOnly hiredOn, DateOnly? endedOn, DateOnly day) => hiredOn <= day && (endedOn is null || endedOn >= day);

    /// <summary>The post held on a date (the first one before any move).</summary>
    public static string PostOn(IReadOnlyList<PostPeriod> posts, DateOnly date) => (posts.LastOrDefault(p => p.From <= date) ?? posts[0]).PostId;

    /// <summary>The monthly wage in force on a date (the first one before any change).</summary>
    public static decimal SalaryOn(IReadOnlyList<SalaryPeriod> salary, DateOnly date) =>
        (salary.LastOrDefault(s => s.From <= date) ?? salary[0]).MonthlySalary;
}
