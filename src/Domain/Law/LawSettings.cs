namespace EventHr.Domain.Law;

/// <summary>
/// The legal constants that are rules rather than published figures (those are dated master data:
/// <c>Figures.LawFigureBook</c>); configuration, never code (DOMAIN.md: "every constant is configuration").
/// </summary>
public sealed record LawSettings
{
    /// <summary>Art. 40: thirty days' written notice, or one month's wage in lieu.</summary>
    public int NoticeDays { get; init; } = 30;
    /// <summary>Art. 47: the base is capped at this multiple of the city's average wage, and years at 12 when it is.</summary>
    public decimal SeveranceCapMultiple { get; init; } = 3m;
    public int SeveranceCapYears { get; init; } = 12;
    /// <summary>Art. 97: service before 2008-01-01 is compensated under the rule of its time.</summary>
    public bool SplitServiceBefore2008 { get; init; } = true;
    /// <summary>G12: an improvement plan's period lasts at least this many calendar days, so a finding rests on a fair trial.</summary>
    public int MinPlanDays { get; init; } = 14;
    /// <summary>G12: a termination rests on a finding #2 at most this many days old when notice is served.</summary>
    public int FindingMaxAgeDays { get; init; } = 60;
}
