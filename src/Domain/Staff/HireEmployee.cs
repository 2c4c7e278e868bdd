using EventHr.Domain.Common;
using EventHr.Domain.Law.Retirement;
using EventHr.Domain.Staff.Employment;

namespace EventHr.Domain.Staff;

/// <param name="Kind">fixed-term, open-ended, part-time or per-task</param>
/// <param name="HiringConditions">what was communicated at hire as a condition of employment (art. 21, art. 39(1))</param>
public sealed record ContractInput(bool? PayAdjustableWithPost, decimal? MonthlySalaryFloor, string? Kind = null, DateOnly? StartsOn = null,
    DateOnly? EndsOn = null, DateOnly? ProbationUntil = null, IReadOnlyList<HiringConditionInput>? HiringConditions = null);

/// <param name="City">the employer's city whose minimum and average wages apply (not the sales region)</param>
/// <param name="RetirementCategory">for women: worker (50) or cadre (55) before the 2025 reform</param>
/// <param name="PriorServiceMonths">continuous service with affiliated employers before this hire (Regs art. 10)</param>
public sealed record HireEmployee(string? EmployeeId, string? Name, string? BrandId, string? Region, string? Department,
    string? PostId, string? ManagerId, string? HrId, DateOnly? HiredOn, decimal? MonthlySalary, ContractInput? Contract,
    DateOnly? BirthDate = null, Gender? Gender = null, RetirementCategory? RetirementCategory = null, string? City = null,
    int? PriorServiceMonths = null)
{
    public EmploymentFactsInput Facts => new(BirthDate, Gender, RetirementCategory, City, PriorServiceMonths, Contract?.Kind, Contract?.StartsOn,
        Contract?.EndsOn, Contract?.ProbationUntil, Contract?.HiringConditions);
}

public static class Hiring
{
    public static FieldErrors Validate(HireEmployee cmd)
    {
        var errors = new FieldErrors();
        Ids.Require(errors, cmd.EmployeeId, "employeeId");
        errors.RequireText(cmd.Name, "name");
        Ids.Require(errors, cmd.BrandId, "brandId");
        errors.RequireText(cmd.Region, "region", 64);
        errors.RequireText(cmd.Department, "department", 64);
        Ids.Require(errors, cmd.PostId, "postId");
        Ids.Require(errors, cmd.ManagerId, "managerId");
        Ids.Require(errors, cmd.HrId, "hrId");
        errors.Require(cmd.HiredOn is not null, "hiredOn", "is required (yyyy-MM-dd)");
        if (cmd.MonthlySalary is null) errors.Add("monthlySalary", "is required");
        else errors.Require(cmd.MonthlySalary > 0, "monthlySalary", "must be greater than 0");
        if (cmd.Contract is null) errors.Add("contract", "is required");
        else
        {
            errors.Require(cmd.Contract.PayAdjustableWithPost is not null, "contract.payAdjustableWithPost", "is required");
            if (cmd.Contract.MonthlySalaryFloor is { } floor)
            {
                errors.Require(floor > 0, "contract.monthlySalaryFloor", "must be greater than 0");
                errors.Require(cmd.MonthlySalary is null || floor <= cmd.MonthlySalary, "contract.monthlySalaryFloor",
                    "must not exceed monthlySalary");
            }
        }
        errors.Merge(RecordingFacts.Validate(cmd.Facts));
        if (errors.IsEmpty) errors.Merge(RecordingFacts.Check(Facts(cmd), cmd.HiredOn!.Value));
        return errors;
    }

    private static EmploymentFacts Facts(HireEmployee cmd) => RecordingFacts.Merge(EmploymentFacts.None, cmd.Facts, cmd.HiredOn!.Value);

    public static EmployeeHired Decide(HireEmployee cmd, Actor actor, DateTimeOffset now) => new(
        cmd.EmployeeId!, cmd.Name!.Trim(), cmd.BrandId!, cmd.Region!.Trim(), cmd.Department!.Trim(), cmd.PostId!,
        cmd.ManagerId!, cmd.HrId!, cmd.HiredOn!.Value, cmd.MonthlySalary!.Value,
        new ContractTerms(cmd.Contract!.PayAdjustableWithPost!.Value, cmd.Contract.MonthlySalaryFloor), actor.UserId, now, Facts(cmd));
}
