using EventHr.Domain.Cases;
using EventHr.Domain.Law;
using EventHr.Domain.Law.Figures;
using EventHr.Domain.Law.Wages;
using EventHr.Domain.Staff;
using EventHr.Domain.Staff.Employment;
using static EventHr.Domain.Tests.Law.LawFixtures;

namespace EventHr.Domain.Tests.Law;

/// <summary>Art. 47 (G9) and Regs arts. 20, 27 worked examples; each defect the law review found has a row.</summary>
public class SeveranceTests
{
    private static SeveranceCalculation Of(Employee e, string lastDay, LawInForce? law = null) =>
        (law ?? LawOf()).SeveranceOf(e, DateOnly.Parse(lastDay)).Calculation!;

    [Theory]
    [InlineData("2026-07-01", "2026-12-31", 1.0)]   // six months, the last day counted → a full month (was 0.5)
    [InlineData("2026-09-01", "2026-12-25", 0.5)]   // under 6 months → half a month
    [InlineData("2026-05-01", "2026-12-25", 1.0)]   // 7 months → a full month
    [InlineData("2023-11-01", "2026-11-01", 3.5)]   // 3 years and 1 day → 3.5 (was 3.0)
    [InlineData("2023-11-01", "2026-10-31", 3.0)]   // exactly 3 years
    [InlineData("2023-06-01", "2026-12-25", 4.0)]   // 3 years 6 months → 4
    public void months_of_severance_follow_years_of_service_counting_the_last_day(string hiredOn, string lastDay, decimal months)
    {
        var s = Of(Hire(salary: 9_000m, hiredOn: hiredOn), lastDay);

        s.Months.ShouldBe(months);
        s.Amount.ShouldBe(months * 9_000m);
        s.BaseCapped.ShouldBeFalse();
    }

    [Fact]
    public void above_three_times_the_city_average_the_base_is_capped_and_years_stop_at_twelve()
    {
        var s = Of(Hire(salary: 40_000m, hiredOn: "2010-03-01"), "2026-12-25");

        s.Base.ShouldBe(30_000m);
        (s.BaseCapped, s.YearsCapped, s.Months, s.Amount).ShouldBe((true, true, 12m, 360_000m));
    }

    [Fact]
    public void a_high_earner_with_few_years_has_the_base_capped_but_not_the_years()
    {
        var s = Of(Hire(salary: 40_000m, hiredOn: "2022-03-01"), "2026-12-25");

        (s.Base, s.YearsCapped, s.Months, s.Amount).ShouldBe((30_000m, false, 5m, 150_000m));
    }

    [Fact]
    public void without_the_citys_average_wage_it_is_not_computed_and_the_missing_figure_is_named()
    {
        var noAverage = new LawInForce(new LawSettings(), LawFigureBook.Create(new LawFigureRecorded(City, LawFigureKind.MinimumMonthlyWage,
            new DateOnly(2020, 1, 1), 2_690m, "公告", "hr", T0)), []);

        var outcome = noAverage.SeveranceOf(Hire(salary: 40_000m, hiredOn: "2010-03-01"), new DateOnly(2026, 12, 25));

        outcome.Calculation.ShouldBeNull();   // was 680,000: the cap silently dropped
        outcome.Missing.ShouldBe([$"averageMonthlyWage of {City} in force on 2026-12-25"]);
    }

    [Fact]
    public void without_the_employers_city_nothing_is_guessed_from_the_sales_region()
    {
        var outcome = LawOf().SeveranceOf(Hire(facts: EmploymentFacts.None), new DateOnly(2026, 12, 25));

        outcome.Missing.Single().ShouldContain("city");
    }

    [Fact]
    public void a_figure_published_after_the_last_day_is_not_in_force_for_it()
    {
        var law = new LawInForce(new LawSettings(), Figures(from: "2027-01-01"), []);

        law.SeveranceOf(Hire(), new DateOnly(2026, 12, 25)).Missing.Count.ShouldBe(2);
    }

    [Fact]
    public void the_base_is_never_below_the_citys_minimum_wage()
    {
        var s = Of(Hire(salary: 2_000m, floor: null, hiredOn: "2024-01-01"), "2026-12-31");

        s.AverageMonthlyWage.ShouldBe(2_000m);
        s.Base.ShouldBe(2_690m);
        s.Explanation.ShouldContain("minimum wage");
    }

    [Fact]
    public void the_base_is_the_wages_due_with_bonus_and_allowances_not_the_contract_rate()
    {
        var wages = Months(2026, 1, 12, total: (8_000m, 1_500m, 500m));

        var s = Of(Hire(salary: 9_000m, hiredOn: "2024-01-01"), "2026-12-31", LawOf(wages: wages));

        s.AverageMonthlyWage.ShouldBe(10_000m);
        s.WagesFrom!.ShouldStartWith("payroll, 12 of 12 months 2026-01..2026-12");
    }

    [Fact]
    public void a_month_cut_short_by_the_end_does_not_weigh_as_a_whole_month()
    {
        var wages = Months(2025, 12, 12, total: (10_000m, 0, 0)).Append(new WageDue("E1001", 2026, 12, 8_000m, 0, 0)).ToList();

        var s = Of(Hire(salary: 10_000m, hiredOn: "2024-01-01"), "2026-12-25", LawOf(wages: wages));

        s.AverageMonthlyWage.ShouldBe(10_000m);   // December (25 days, paid 8,000) is left out; December 2025 to November 2026 count
    }

    [Fact]
    public void with_fewer_than_twelve_months_worked_the_months_worked_are_averaged()
    {
        var wages = Months(2026, 9, 4, total: (9_000m, 0, 0));

        var s = Of(Hire(salary: 5_000m, hiredOn: "2026-09-01"), "2026-12-31", LawOf(wages: wages));

        s.AverageMonthlyWage.ShouldBe(9_000m);
        s.WagesFrom!.ShouldContain("4 of 4 months");
    }

    [Fact]
    public void without_payroll_the_contract_rate_month_by_month_is_used_and_said()
    {
        var employee = Hire(salary: 10_000m, hiredOn: "2025-01-01")
            .Apply(new SalaryChanged("E1001", 10_000m, 7_000m, new DateOnly(2026, 7, 1), "signed-agreement", "AGR", null, "hr", T0));

        var s = Of(employee, "2026-12-31");

        s.AverageMonthlyWage.ShouldBe(8_500m);   // six months at 10,000 and six at 7,000
        s.WagesFrom!.ShouldContain("no payroll rows");
    }

    [Fact]
    public void service_before_2008_follows_the_old_rule_a_part_year_as_a_year()
    {
        var s = Of(Hire(salary: 9_000m, hiredOn: "2006-03-01"), "2026-12-31");

        s.MonthsBefore2008.ShouldBe(2m);            // 2006-03-01..2007-12-31: 1 y 10 m → 2 months
        s.Months.ShouldBe(21m);                     // + 19 years from 2008
        s.Amount.ShouldBe(21 * 9_000m);
    }

    [Fact]
    public void the_cap_applies_to_service_from_2008_only_and_the_split_is_a_setting()
    {
        var employee = Hire(salary: 40_000m, hiredOn: "2006-03-01");

        var split = Of(employee, "2026-12-31");
        var whole = Of(employee, "2026-12-31", LawOf(settings: new LawSettings { SplitServiceBefore2008 = false }));

        split.Amount.ShouldBe(2 * 40_000m + 12 * 30_000m);
        whole.Amount.ShouldBe(12 * 30_000m);
    }

    [Fact]
    public void service_with_an_affiliated_employer_counts()
    {
        var s = Of(Hire(salary: 9_000m, hiredOn: "2025-01-01", facts: new EmploymentFacts(City: City, PriorServiceMonths: 24)), "2026-12-31");

        s.Months.ShouldBe(4m);
    }

    [Fact]
    public void pay_in_lieu_is_the_previous_months_wage_due()
    {
        var employee = Hire(salary: 10_000m, hiredOn: "2025-01-01")
            .Apply(new SalaryChanged("E1001", 10_000m, 7_000m, new DateOnly(2026, 12, 1), "signed-agreement", "AGR", null, "hr", T0));

        LawOf(wages: [new WageDue("E1001", 2026, 11, 9_000m, 2_000m, 0)]).PayInLieuOf(employee, new DateOnly(2026, 12, 10)).Amount.ShouldBe(11_000m);
        LawOf().PayInLieuOf(employee, new DateOnly(2026, 12, 10)).Amount.ShouldBe(10_000m);   // November's rate, not December's (was 7,000)
    }

    private static List<WageDue> Months(int year, int month, int count, (decimal Base, decimal Bonus, decimal Allowances) total)
    {
        var first = new DateOnly(year, month, 1);
        return Enumerable.Range(0, count).Select(i => first.AddMonths(i))
            .Select(m => new WageDue("E1001", m.Year, m.Month, total.Base, total.Bonus, total.Allowances)).ToList();
    }
}
