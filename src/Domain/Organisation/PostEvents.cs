namespace EventHr.Domain.Organisation;

/// <summary>The pre-published pay band of a post; Art. 35 pay changes on reassignment must fall inside it.</summary>
public sealed record PayBand(decimal Min, decimal Max);

public sealed record PostDefined(string PostId, string Name, string Family, PayBand PayBand,
    IReadOnlyList<string> CompatiblePosts, string DefinedBy, DateTimeOffset DefinedAt);

public sealed record PostRevised(string PostId, string Name, string Family, PayBand PayBand,
    IReadOnlyList<string> CompatiblePosts, string RevisedBy, DateTimeOffset RevisedAt);
