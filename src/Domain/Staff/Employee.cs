using EventHr.Domain.Common;

namespace EventHr.Domain.Staff;

public sealed record Acknowledgement(string BrandId, string PostId, int StandardVersion, string Via, DateTimeOffset At);

public sealed record Protection(string Kind, DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date <= To);
}

/// <summary>A monthly wage in force from a business date; the latest entry on or before a date applies.</summary>
public sealed record SalaryPeriod(DateOnly From, decimal MonthlySalary);

/// <summary>An employee's state, folded from the employee stream.</summary>
/// <remarks><c>Id</c> is the stream key (document identity); <c>EmployeeId</c> the business id.</remarks>
public sealed record Employee(
    string Id, string EmployeeId, string Name, string BrandId, string Region, string Department, string PostId,
    string ManagerId, string HrId, DateOnly HiredOn, ContractTerms Contract,
    IReadOnlyList<SalaryPeriod> Salary, IReadOnlyList<Acknowledgement> Acknowledgements,
    IReadOnlyList<Protection> Protections)
{
    public decimal MonthlySalary => Salary[^1].MonthlySalary;

    public static Employee Create(EmployeeHired e) => new(StreamKeys.Employee(e.EmployeeId), e.EmployeeId, e.Name, e.BrandId, e.Region, e.Department,
        e.PostId, e.ManagerId, e.HrId, e.HiredOn, e.Contract, [new SalaryPeriod(e.HiredOn, e.MonthlySalary)], [], []);

    public Employee Apply(StandardAcknowledged e) =>
        this with { Acknowledgements = [.. Acknowledgements, new Acknowledgement(e.BrandId, e.PostId, e.StandardVersion, e.Via, e.RecordedAt)] };

    public Employee Apply(ProtectionRecorded e) =>
        this with { Protections = [.. Protections, new Protection(e.Kind, e.From, e.To)] };

    public decimal MonthlySalaryOn(DateOnly date) =>
        (Salary.LastOrDefault(s => s.From <= date) ?? Salary[0]).MonthlySalary;

    public bool HasAcknowledged(string brandId, string postId, int version) =>
        Acknowledgements.Any(a => a.BrandId == brandId && a.PostId == postId && a.StandardVersion == version);
}
