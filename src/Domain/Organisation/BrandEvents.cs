namespace EventHr.Domain.Organisation;

public enum BrandTier { Premium, Mid, Value }

public sealed record BrandRegistered(string BrandId, string Name, BrandTier Tier, string TimeZone,
    string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>A later PUT that changed the name, tier or time zone; the whole new profile is recorded.</summary>
public sealed record BrandProfileRevised(string BrandId, string Name, BrandTier Tier, string TimeZone,
    string RevisedBy, DateTimeOffset RevisedAt);
