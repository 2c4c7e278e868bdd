using EventHr.Domain.Law.Retirement;

namespace EventHr.Domain.Tests.Law.Retirement;

/// <summary>G14 against the month-by-month tables annexed to the decision of 2024-09-13 (birth month → age → retirement month).</summary>
public class StatutoryRetirementTests
{
    [Theory]
    // men: 60 → 63, one month per 4 months of birth from 1965-01
    [InlineData("1964-12-15", "male", null, 720, "2024-12-15")]
    [InlineData("1965-01-10", "male", null, 721, "2025-02-10")]
    [InlineData("1965-04-30", "male", null, 721, "2025-05-30")]
    [InlineData("1965-05-01", "male", null, 722, "2025-07-01")]
    [InlineData("1966-01-01", "male", null, 724, "2026-05-01")]
    [InlineData("1970-06-20", "male", null, 737, "2031-11-20")]
    [InlineData("1976-08-01", "male", null, 755, "2039-07-01")]
    [InlineData("1976-09-01", "male", null, 756, "2039-09-01")]
    [InlineData("1990-03-03", "male", null, 756, "2053-03-03")]
    // women cadres: 55 → 58, one month per 4 months of birth from 1970-01
    [InlineData("1969-12-31", "female", "cadre", 660, "2024-12-31")]
    [InlineData("1970-01-01", "female", "cadre", 661, "2025-02-01")]
    [InlineData("1975-03-01", "female", "cadre", 676, "2031-07-01")]
    [InlineData("1981-08-01", "female", "cadre", 695, "2039-07-01")]
    [InlineData("1981-09-01", "female", "cadre", 696, "2039-09-01")]
    // women workers: 50 → 55, one month per 2 months of birth from 1975-01
    [InlineData("1974-12-01", "female", "worker", 600, "2024-12-01")]
    [InlineData("1975-01-01", "female", "worker", 601, "2025-02-01")]
    [InlineData("1975-03-01", "female", "worker", 602, "2025-05-01")]
    [InlineData("1980-01-01", "female", "worker", 631, "2032-08-01")]
    [InlineData("1984-10-01", "female", "worker", 659, "2039-09-01")]
    [InlineData("1984-11-01", "female", "worker", 660, "2039-11-01")]
    [InlineData("1995-06-15", "female", "worker", 660, "2050-06-15")]
    public void the_retirement_date_follows_the_published_schedule(string born, string gender, string? category, int months, string retires)
    {
        var (g, c) = (Enum.Parse<Gender>(gender, true), category is null ? (RetirementCategory?)null : Enum.Parse<RetirementCategory>(category, true));

        StatutoryRetirement.AgeInMonths(DateOnly.Parse(born), g, c).ShouldBe(months);
        StatutoryRetirement.On(DateOnly.Parse(born), g, c).ShouldBe(DateOnly.Parse(retires));
    }

    [Fact]
    public void a_womans_age_is_not_guessed_without_her_category() =>
        Should.Throw<ArgumentException>(() => StatutoryRetirement.On(new DateOnly(1980, 1, 1), Gender.Female, null));
}
