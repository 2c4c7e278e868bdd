namespace EventHr.Domain.Evidence.Integrity;

/// <summary>An event as exported for offline verification: every field the hash covers, as stored, and the seal.</summary>
public sealed record ExportedEvent(long Version, long Sequence, string Type, string Timestamp, string Actor, string Data, string? PrevHash, string? Hash);

/// <summary>A stream's chain up to the bundle's instant, with the verdict of the database check made at export.</summary>
public sealed record ExportedChain(string StreamId, IReadOnlyList<ExportedEvent> Events, string? Head, ChainVerdict Verdict);

/// <summary>A sealed event referred to by hash only (a tally batch also holds other employees' rows, so its body is withheld).</summary>
public sealed record SealedReference(string StreamId, long Version, string? Hash);

public sealed record IntegritySection(string Algorithm, string HowToVerify, IReadOnlyList<ExportedChain> Chains,
    IReadOnlyList<SealedReference> TallyBatches, bool AllValid)
{
    public const string Instructions =
        "Each event's hash is SHA-256 over length-prefixed fields (see README.md, \"Evidence integrity\"): algorithm, previous hash, " +
        "stream id, version, type, timestamp, actor, data. Recompute every chain from its first event and compare with 'hash' and 'head' " +
        "(./ops/verify bundle.json does this offline). Tally batches are verified online: GET /api/audit/verify/{streamId}.";
}
