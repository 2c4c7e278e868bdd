using EventHr.Domain.Staff;
using EventHr.Domain.Staff.Employment;

namespace EventHr.Api.Staff;

/// <summary>A protected status as a reader may see it: its kind only for those who may know it.</summary>
public sealed record ProtectionView(string? Kind, DateOnly From, DateOnly? To);

/// <summary>
/// The profile as the reader may see it. Salary figures (pay history, current pay, the contract's floor)
/// and the kinds of protected statuses are sensitive personal information (PIPL): a department head gets
/// the profile without them (<c>sensitiveWithheld</c>) and learns only that a protection exists. The person's birth
/// date, gender and retirement date are withheld from them too: the contract's term, probation and hiring conditions
/// are what their work needs. Protections include art. 42(5), computed from the birth date and service.
/// </summary>
public sealed record EmployeeProfile(string Id, string EmployeeId, string Name, string BrandId, string Region, string Department, string PostId,
    string ManagerId, string HrId, DateOnly HiredOn, ContractTerms Contract, decimal? MonthlySalary, IReadOnlyList<SalaryPeriod>? Salary,
    IReadOnlyList<Acknowledgement> Acknowledgements, IReadOnlyList<ProtectionView> Protections, IReadOnlyList<PostPeriod> Posts, DateOnly? EndedOn,
    bool SensitiveWithheld, EmploymentFacts Employment, DateOnly? StatutoryRetirementOn)
{
    public static EmployeeProfile Of(Employee e, bool sensitive) => new(e.Id, e.EmployeeId, e.Name, e.BrandId, e.Region, e.Department, e.PostId,
        e.ManagerId, e.HrId, e.HiredOn, sensitive ? e.Contract : e.Contract with { MonthlySalaryFloor = null },
        sensitive ? e.MonthlySalary : null, sensitive ? e.Salary : null, e.Acknowledgements,
        e.Protections.Concat(e.LongServiceNearRetirement() is { } computed ? [computed] : Array.Empty<Protection>())
            .Select(p => new ProtectionView(sensitive ? p.Kind : null, p.From, p.To)).ToList(), e.Posts, e.EndedOn, !sensitive,
        sensitive ? e.Facts : e.Facts with { BirthDate = null, Gender = null, RetirementCategory = null },
        sensitive ? e.Facts.StatutoryRetirementOn : null);
}
