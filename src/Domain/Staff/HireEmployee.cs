using EventHr.Domain.Common;

namespace EventHr.Domain.Staff;

public sealed record ContractInput(bool? PayAdjustableWithPost, decimal? MonthlySalaryFloor);

public sealed record HireEmployee(string? EmployeeId, string? Name, string? BrandId, string? Region, string? Department,
    string? PostId, string? ManagerId, string? HrId, DateOnly? HiredOn, decimal? MonthlySalary, ContractInput? Contract);

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
        return errors;
    }

    public static EmployeeHired Decide(HireEmployee cmd, Actor actor, DateTimeOffset now) => new(
        cmd.EmployeeId!, cmd.Name!.Trim(), cmd.BrandId!, cmd.Region!.Trim(), cmd.Department!.Trim(), cmd.PostId!,
        cmd.ManagerId!, cmd.HrId!, cmd.HiredOn!.Value, cmd.MonthlySalary!.Value,
        new ContractTerms(cmd.Contract!.PayAdjustableWithPost!.Value, cmd.Contract.MonthlySalaryFloor), actor.UserId, now);
}
