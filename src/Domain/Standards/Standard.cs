using EventHr.Domain.Common;
using EventHr.Domain.Kpi;

namespace EventHr.Domain.Standards;

public sealed record MetricTargetInput(decimal? Target, string? Direction);

public sealed record PublishStandard(string BrandId, string PostId, DateOnly? EffectiveFrom,
    IReadOnlyDictionary<string, MetricTargetInput>? Metrics, DateOnly? PublishedOn = null, string? PublicationRef = null);

public sealed record StandardVersion(int Version, DateOnly EffectiveFrom, DateOnly? EffectiveUntil,
    IReadOnlyDictionary<string, MetricTarget> Metrics, string PublishedBy, DateTimeOffset PublishedAt, DateOnly PublishedOn);

/// <summary>Every published version of one brand × post standard, in order.</summary>
public sealed record Standard(string Id, string BrandId, string PostId, IReadOnlyList<StandardVersion> Versions,
    DateTimeOffset? LastReviewedAt = null)
{
    public Standard Apply(StandardReviewed e) => this with { LastReviewedAt = e.ReviewedAt };

    /// <summary>
    /// G3: under review while a fairness flag on this brand × post is open and opened after HR last reviewed the
    /// standard; no finding is made under it then.
    /// </summary>
    public static bool UnderReview(Standard? standard, IEnumerable<Alerts.Alert> openFairnessFlags, string brandId, string postId) =>
        openFairnessFlags.Any(a => a.Subject == $"{brandId}/{postId}" && a.Status == "open"
            && (standard?.LastReviewedAt is not { } reviewed || a.OpenedAt > reviewed));

    public static Standard Create(StandardPublished e) => new(StreamKeys.Standard(e.BrandId, e.PostId), e.BrandId, e.PostId, [ToVersion(e)]);

    public Standard Apply(StandardPublished e)
    {
        var closed = Versions.Select((v, i) => i == Versions.Count - 1
            ? v with { EffectiveUntil = e.EffectiveFrom.AddDays(-1) } : v);
        return this with { Versions = [.. closed, ToVersion(e)] };
    }

    /// <summary>The version in force on a business date, or null before the first one.</summary>
    public StandardVersion? InForceOn(DateOnly date) =>
        Versions.LastOrDefault(v => v.EffectiveFrom <= date);

    public StandardVersion? Get(int version) => Versions.FirstOrDefault(v => v.Version == version);

    public static FieldErrors Validate(PublishStandard cmd)
    {
        var errors = new FieldErrors();
        errors.Require(cmd.EffectiveFrom is not null, "effectiveFrom", "is required (yyyy-MM-dd)");
        if (cmd.Metrics is null || cmd.Metrics.Count == 0)
        {
            errors.Add("metrics", "a standard needs at least one metric");
            return errors;
        }
        foreach (var (name, target) in cmd.Metrics)
        {
            var field = $"metrics.{name}";
            if (!Kpi.Metrics.IsKnown(name)) { errors.Add(field, "is not a known metric"); continue; }
            if (target?.Target is null) errors.Add($"{field}.target", "is required");
            else if (target.Target < 0) errors.Add($"{field}.target", "must not be negative");
            if (ParseDirection(target?.Direction) is null) errors.Add($"{field}.direction", "must be atLeast or atMost");
        }
        return errors;
    }

    /// <summary>
    /// A new version must start after the current one: history is never rewritten, so a version
    /// cannot be slipped in under assessments already made.
    /// </summary>
    public static Result<StandardPublished> Decide(Standard? current, PublishStandard cmd, Actor actor, DateTimeOffset now, DateOnly today)
    {
        var latest = current?.Versions[^1];
        if (cmd.PublishedOn > today)
            return Result<StandardPublished>.Invalid(new FieldErrors().Add("publishedOn", "cannot be in the future"));
        // G1/G12: a publication dated before today is a paper notice made earlier; it names that notice, or G1 could be
        // met by typing an earlier date.
        if (cmd.PublishedOn < today && string.IsNullOrWhiteSpace(cmd.PublicationRef))
            return Result<StandardPublished>.Invalid(new FieldErrors().Add("publicationRef",
                $"is required for a publication before today ({today:yyyy-MM-dd}): the notice that made the standard known then"));
        if (latest is not null && cmd.EffectiveFrom!.Value <= latest.EffectiveFrom)
            return Result<StandardPublished>.Conflict(
                $"effectiveFrom must be after {latest.EffectiveFrom:yyyy-MM-dd}, when version {latest.Version} took effect");
        var metrics = cmd.Metrics!.ToDictionary(kv => kv.Key,
            kv => new MetricTarget(kv.Value.Target!.Value, ParseDirection(kv.Value.Direction)!.Value));
        return Result<StandardPublished>.Ok(new StandardPublished(cmd.BrandId, cmd.PostId, (latest?.Version ?? 0) + 1,
            cmd.EffectiveFrom!.Value, metrics, actor.UserId, now, cmd.PublishedOn ?? today, cmd.PublicationRef?.Trim()));
    }

    public static TargetDirection? ParseDirection(string? direction) => direction switch
    {
        "atLeast" => TargetDirection.AtLeast,
        "atMost" => TargetDirection.AtMost,
        _ => null
    };

    private static StandardVersion ToVersion(StandardPublished e) =>
        new(e.Version, e.EffectiveFrom, null, e.Metrics, e.PublishedBy, e.PublishedAt, e.PublishedOn);
}
