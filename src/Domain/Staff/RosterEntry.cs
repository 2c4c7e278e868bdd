namespace EventHr.Domain.Staff;

/// <summary>
/// What a day's department reports read of a profile: who, where, whose report, and the post and wage of each period.
/// The 09:00 run reads this much of every profile of its brands (a fraction of the profile) rather than the profiles.
/// </summary>
public sealed record RosterEntry(string EmployeeId, string Name, string BrandId, string Department, string ManagerId, DateOnly HiredOn,
    DateOnly? EndedOn, IReadOnlyList<PostPeriod> Posts, IReadOnlyList<SalaryPeriod> Salary)
{
    public bool EmployedOn(DateOnly day) => EmploymentCalendar.Covers(HiredOn, EndedOn, day);

    public string PostOn(DateOnly date) => EmploymentCalendar.PostOn(Posts, date);

    public decimal MonthlySalaryOn(DateOnly date) => EmploymentCalendar.SalaryOn(Salary, date);
}
