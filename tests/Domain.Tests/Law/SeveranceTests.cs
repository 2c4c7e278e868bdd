using EventHr.Domain.Law;
using EventHr.Domain.Staff;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Law;

/// <summary>Art. 47 worked examples (G9).</summary>
public class SeveranceTests
{
    private static readonly LawSettings Law = new() { CityAverages = [new CityAverageWage("east", new DateOnly(2020, 1, 1), 10_000m)] };

    [Theory]
    [InlineData("2026-09-01", "2026-12-25", 0.5)]   // under 6 months → half a month
    [InlineData("2026-05-01", "2026-12-25", 1.0)]   // 7 months → a full month
    [InlineData("2023-11-01", "2026-12-25", 3.5)]   // 3 years 1 month → 3.5
    [InlineData("2023-11-01", "2026-11-01", 3.0)]   // exactly 3 years
    [InlineData("2023-06-01", "2026-12-25", 4.0)]   // 3 years 6 months → 4
    public void months_of_severance_follow_years_of_service(string hiredOn, string endsOn, decimal months)
    {
        var s = Severance.Calculate(Hire(salary: 9_000m, hiredOn: hiredOn), DateOnly.Parse(endsOn), Law);

        s.Months.ShouldBe(months);
        s.Amount.ShouldBe(months * 9_000m);
        s.BaseCapped.ShouldBeFalse();
    }

    [Fact]
    public void above_three_times_the_local_average_the_base_is_capped_and_years_stop_at_twelve()
    {
        var s = Severance.Calculate(Hire(salary: 40_000m, hiredOn: "2010-03-01"), new DateOnly(2026, 12, 25), Law);

        s.Base.ShouldBe(30_000m);
        s.BaseCapped.ShouldBeTrue();
        s.YearsCapped.ShouldBeTrue();
        s.Months.ShouldBe(12m);
        s.Amount.ShouldBe(360_000m);
    }

    [Fact]
    public void a_high_earner_with_few_years_has_the_base_capped_but_not_the_years()
    {
        var s = Severance.Calculate(Hire(salary: 40_000m, hiredOn: "2022-03-01"), new DateOnly(2026, 12, 25), Law);

        s.Base.ShouldBe(30_000m);
        s.YearsCapped.ShouldBeFalse();
        s.Months.ShouldBe(5m);
        s.Amount.ShouldBe(150_000m);
    }

    [Fact]
    public void the_base_is_the_average_wage_of_the_last_twelve_months()
    {
        var employee = Hire(salary: 10_000m, hiredOn: "2025-01-01")
            .Apply(new SalaryChanged("E1001", 10_000m, 7_000m, new DateOnly(2026, 7, 1), "signed-agreement", "AGR", null, "hr", T0));

        var average = Severance.AverageMonthlyWage(employee, new DateOnly(2026, 12, 31));

        average.ShouldBe(8_500m);   // six months at 10,000 and six at 7,000
    }
}
