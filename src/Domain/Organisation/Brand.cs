using EventHr.Domain.Common;

namespace EventHr.Domain.Organisation;

public sealed record DefineBrand(string BrandId, string? Name, string? Tier, string? TimeZone);

/// <summary>A brand of the group; its time zone decides what "a business day" means for its staff.</summary>
/// <remarks><c>Id</c> is the stream key (document identity); <c>BrandId</c> the business id.</remarks>
public sealed record Brand(string Id, string BrandId, string Name, BrandTier Tier, string TimeZone)
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public static Brand Create(BrandRegistered e) => new(StreamKeys.Brand(e.BrandId), e.BrandId, e.Name, e.Tier, e.TimeZone);

    public Brand Apply(BrandProfileRevised e) => this with { Name = e.Name, Tier = e.Tier, TimeZone = e.TimeZone };

    public static FieldErrors Validate(DefineBrand cmd)
    {
        var errors = new FieldErrors();
        Ids.Require(errors, cmd.BrandId, "brandId");
        errors.RequireText(cmd.Name, "name");
        if (ParseTier(cmd.Tier) is null) errors.Add("tier", "must be one of premium, mid, value");
        if (cmd.TimeZone is not null && !IsKnownTimeZone(cmd.TimeZone))
            errors.Add("timeZone", "is not a known IANA time zone (e.g. Asia/Shanghai)");
        return errors;
    }

    /// <summary>Idempotent PUT: the first call registers, a changed profile revises, an identical one records nothing.</summary>
    public static object? Decide(Brand? current, DefineBrand cmd, Actor actor, DateTimeOffset now)
    {
        var tier = ParseTier(cmd.Tier)!.Value;
        var zone = cmd.TimeZone ?? current?.TimeZone ?? DefaultTimeZone;
        if (current is null) return new BrandRegistered(cmd.BrandId, cmd.Name!.Trim(), tier, zone, actor.UserId, now);
        if (current.Name == cmd.Name!.Trim() && current.Tier == tier && current.TimeZone == zone) return null;
        return new BrandProfileRevised(cmd.BrandId, cmd.Name.Trim(), tier, zone, actor.UserId, now);
    }

    public static BrandTier? ParseTier(string? tier) => tier?.ToLowerInvariant() switch
    {
        "premium" => BrandTier.Premium,
        "mid" => BrandTier.Mid,
        "value" => BrandTier.Value,
        _ => null
    };

    private static bool IsKnownTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
