namespace EventHr.Domain.Law;

/// <summary>A city's (or region's) average monthly wage as published for a year, effective from a date (G9).</summary>
public sealed record CityAverageWage(string Region, DateOnly From, decimal MonthlyAverage);

/// <summary>The dated legal constants; configuration, never code (DOMAIN.md: "every constant is configuration").</summary>
public sealed record LawSettings
{
    /// <summary>Art. 40: thirty days' written notice, or one month's wage in lieu.</summary>
    public int NoticeDays { get; init; } = 30;
    /// <summary>Art. 47: the base is capped at this multiple of the local average wage, and years at 12 when it is.</summary>
    public decimal SeveranceCapMultiple { get; init; } = 3m;
    public int SeveranceCapYears { get; init; } = 12;
    /// <summary>The local minimum monthly wage (G10: pay never below it).</summary>
    public decimal MinimumMonthlyWage { get; init; } = 2690m;
    public IReadOnlyList<CityAverageWage> CityAverages { get; init; } = [];

    public decimal? CityAverageOn(string region, DateOnly date) => CityAverages
        .Where(c => string.Equals(c.Region, region, StringComparison.OrdinalIgnoreCase) && c.From <= date)
        .OrderBy(c => c.From).LastOrDefault()?.MonthlyAverage;
}
