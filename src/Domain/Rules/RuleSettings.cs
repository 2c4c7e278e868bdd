namespace EventHr.Domain.Rules;

/// <summary>
/// The early-warning and plan defaults of DOMAIN.md, per brand × post where configured. Every
/// number here is configuration, not law.
/// </summary>
public sealed record RuleSettings
{
    /// <summary>A day counts as low below this share of the target (atMost targets: above target ÷ share).</summary>
    public decimal LowShareOfTarget { get; init; } = 0.5m;
    /// <summary>Consecutive tallied low days that raise the warning (story 1: 3).</summary>
    public int ConsecutiveLowDays { get; init; } = 3;
    /// <summary>The drafted plan's target as a share of the standard (story 2: orders ≥ 5 of 10).</summary>
    public decimal PipTargetShareOfStandard { get; init; } = 0.5m;
    /// <summary>Length of a drafted plan, in calendar days (story 2: 14).</summary>
    public int PipPeriodDays { get; init; } = 14;
    /// <summary>"Clearly improving": a missed metric moved at least this much relative to its baseline (story 4: 2 → 6).</summary>
    public decimal MinRelativeImprovement { get; init; } = 0.5m;
    /// <summary>G12: a missed period is a finding only when at least this many of its days were tallied (fewer: the manager decides).</summary>
    public int MinTalliedDays { get; init; } = 10;
}
