using EventHr.Domain.Staff;

namespace EventHr.Domain.Tests.Staff;

public class HiringTests
{
    private static HireEmployee Valid() => new("E1001", "王小明", "yun", "east", "ops-east", "ops", "M01", "hr-li",
        new DateOnly(2026, 11, 1), 10_000m, new ContractInput(true, 6_000m));

    [Fact]
    public void a_complete_hire_is_valid() => Hiring.Validate(Valid()).IsEmpty.ShouldBeTrue();

    [Fact]
    public void a_contract_floor_above_the_salary_is_refused()
    {
        var errors = Hiring.Validate(Valid() with { Contract = new ContractInput(true, 12_000m) }).ToDictionary();

        errors.Keys.ShouldBe(["contract.monthlySalaryFloor"]);
    }

    [Fact]
    public void salary_history_answers_the_wage_on_a_date()
    {
        var employee = Employee.Create(new EmployeeHired("E1", "n", "b", "r", "d", "ops", "m", "h", new DateOnly(2026, 11, 1),
            10_000m, new ContractTerms(true, null), "hr", DateTimeOffset.UnixEpoch));
        employee = employee with { Salary = [.. employee.Salary, new SalaryPeriod(new DateOnly(2026, 12, 1), 8_000m)] };

        employee.MonthlySalaryOn(new DateOnly(2026, 11, 30)).ShouldBe(10_000m);
        employee.MonthlySalaryOn(new DateOnly(2026, 12, 1)).ShouldBe(8_000m);
    }

    [Fact]
    public void a_leaving_dated_more_than_a_year_ahead_is_refused_as_a_likely_typo()
    {
        var employee = Employee.Create(new EmployeeHired("E1", "n", "b", "r", "d", "ops", "m", "h", new DateOnly(2026, 11, 1),
            10_000m, new ContractTerms(true, null), "hr", DateTimeOffset.UnixEpoch));
        var now = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var actor = new Common.Actor("hr-li", "hr");

        var law = EventHr.Domain.Law.LawInForce.Rules(new EventHr.Domain.Law.LawSettings());
        Separating.Decide(employee, new RecordSeparation("resignation", new DateOnly(2062, 11, 30), "个人原因"), law, actor, now)
            .Refusal!.Errors!.ToDictionary().Keys.ShouldBe(["date"]);
        Separating.Decide(employee, new RecordSeparation("mutual-agreement", new DateOnly(2027, 10, 31), "协商一致"), law, actor, now).IsOk.ShouldBeTrue();
    }
}
