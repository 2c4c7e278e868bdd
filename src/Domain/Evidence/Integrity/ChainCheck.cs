namespace EventHr.Domain.Evidence.Integrity;

/// <summary>
/// One position of a stream as found in storage: the event row (null when deleted) and the hash
/// sealed for it (null when not sealed yet, or never).
/// </summary>
public sealed record ChainSlot(long Version, ChainedEvent? Event, string? SealedHash, long? Sequence = null);

/// <summary>The answer of a verification: valid, or the first version where the chain breaks and why.</summary>
public sealed record ChainVerdict(string StreamId, bool Valid, long? BrokenAt, string? Reason, int Verified, int Pending, string? Head)
{
    public static ChainVerdict Empty(string streamId) => new(streamId, true, null, null, 0, 0, null);
}

public static class ChainCheck
{
    /// <summary>
    /// Recomputes a stream's chain in version order and compares it with the sealed hashes. Events at
    /// the end of the stream not sealed yet (the sealer runs a moment after commit) are pending, not broken;
    /// anything else — changed content, a deleted event, a gap, an unsealed event inside history — breaks
    /// the chain at that version.
    /// </summary>
    /// <param name="sealedThrough">The sealer's progress: an unsealed event at or below it is not pending but broken.</param>
    public static ChainVerdict Verify(string streamId, IReadOnlyList<ChainSlot> slots, long? sealedThrough = null)
    {
        var pendingFrom = slots.Count;
        while (pendingFrom > 0 && slots[pendingFrom - 1] is { Event: not null, SealedHash: null } tail
               && (sealedThrough is null || tail.Sequence is null || tail.Sequence > sealedThrough)) pendingFrom--;
        var pending = slots.Count - pendingFrom;

        var previous = EventChain.Genesis;
        var expectedVersion = 1L;
        for (var i = 0; i < pendingFrom; i++)
        {
            var slot = slots[i];
            if (slot.Version != expectedVersion)
                return Broken(expectedVersion, $"version {expectedVersion} is missing (deleted with its seal)");
            if (slot.Event is null) return Broken(slot.Version, "the event was deleted");
            if (slot.SealedHash is null)
                return Broken(slot.Version, "the event has no seal although the sealer has passed it (its seal was removed, or it was inserted later)");
            var hash = EventChain.Hash(previous, slot.Event);
            if (!string.Equals(hash, slot.SealedHash, StringComparison.Ordinal))
                return Broken(slot.Version, "the event differs from what was sealed (type, data, timestamp or actor changed)");
            previous = hash;
            expectedVersion++;
        }
        return new ChainVerdict(streamId, true, null, null, pendingFrom, pending, pendingFrom == 0 ? null : previous);

        ChainVerdict Broken(long version, string reason) => new(streamId, false, version, reason, (int)(version - 1), pending, null);
    }

    /// <summary>
    /// Verifies a chain as exported (events with their hashes, no database): each hash must be the
    /// recomputation over the previous one, versions contiguous from 1, and the last equal to the head.
    /// </summary>
    /// <remarks>Unlike the database check nothing is "pending" here: an event without a hash proves nothing, so it fails.</remarks>
    public static ChainVerdict VerifyExported(string streamId, IReadOnlyList<(ChainedEvent Event, string? Hash)> events, string? head)
    {
        if (events.FirstOrDefault(e => e.Hash is null) is { Event: not null } unsealed)
            return new ChainVerdict(streamId, false, unsealed.Event.Version, "the event carries no hash (it was not sealed at export)", 0, 0, null);
        var slots = events.Select(e => new ChainSlot(e.Event.Version, e.Event, e.Hash)).ToList();
        var verdict = Verify(streamId, slots);
        if (verdict.Valid && events.Count > 0 && verdict.Head != head)
            return verdict with { Valid = false, BrokenAt = events.Count == 0 ? 0 : events[^1].Event.Version, Reason = "the chain head does not match" };
        return verdict;
    }
}
