namespace EventHr.Domain.Standards;

public enum TargetDirection { AtLeast, AtMost }

public sealed record MetricTarget(decimal Target, TargetDirection Direction);

/// <summary>
/// G3: HR reviewed a standard flagged as unfair (too many of the post's staff missing it) and recorded its conclusion;
/// findings under it are allowed again.
/// </summary>
public sealed record StandardReviewed(string BrandId, string PostId, string Conclusion, string ReviewedBy, DateTimeOffset ReviewedAt);

/// <summary>
/// A new version of the written KPI standard (绩效标准) of one brand × post. Versions are never
/// edited: a change (mid cs response 30 s → 45 s) is a new version effective from its date, so
/// earlier assessments keep the version they were made under.
/// </summary>
/// <remarks><c>PublishedOn</c> is the business date the written standard was made known to staff (G1); it may precede
/// the day it was entered here, as a standard posted on paper earlier is recorded later.</remarks>
public sealed record StandardPublished(string BrandId, string PostId, int Version, DateOnly EffectiveFrom,
    IReadOnlyDictionary<string, MetricTarget> Metrics, string PublishedBy, DateTimeOffset PublishedAt, DateOnly PublishedOn,
    string? PublicationRef = null);
