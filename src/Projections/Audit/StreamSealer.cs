using EventHr.Domain.Evidence.Integrity;
using Npgsql;

namespace EventHr.Projections.Audit;

/// <summary>
/// Seals one stream's newest events at once, for a bundle that must not wait for the background
/// sealer. Within a stream versions commit in order, so the events after its last seal can be chained
/// now; the hashes are the ones the background sealer computes (a chain is a pure function of the
/// stored events), and whichever writes a seal first keeps it. It writes on a connection of its own,
/// committed at once, so it never holds seals the background sealer would wait on.
/// </summary>
/// <remarks>
/// Only events the background sealer has not reached yet (above its progress) are sealed here: an
/// unsealed event below it was either changed and stripped of its seal, or is the rare late commit the
/// background sealer seals when the stream's next version arrives — neither is for an export to bless.
/// </remarks>
public sealed class StreamSealer(string schema, NpgsqlDataSource dataSource)
{
    private readonly StoredEvents _events = new(schema);

    public async Task SealAsync(string streamId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var heads = await Seals.HeadsAsync(conn, schema, [streamId], ct);
        var head = heads.TryGetValue(streamId, out var h) ? h : (Version: 0L, Hash: EventChain.Genesis);
        var progress = await _events.SealedThroughAsync(conn, ct);
        var rows = await _events.BetweenVersionsAsync(conn, streamId, head.Version, long.MaxValue, ct, aboveSequence: progress);
        var (seq, stream, version, prev, hash) = (new List<long>(), new List<string>(), new List<long>(), new List<string>(), new List<string>());
        foreach (var e in rows)
        {
            if (e.Version != head.Version + 1) break;   // not the next version: leave it to the background sealer
            var next = EventChain.Hash(head.Hash, e.StreamId, e.Version, e.Type, e.Timestamp, e.Actor, e.Data);
            seq.Add(e.Sequence); stream.Add(streamId); version.Add(e.Version); prev.Add(head.Hash); hash.Add(next);
            head = (e.Version, next);
        }
        if (seq.Count > 0) await Seals.WriteAsync(conn, schema, seq, stream, version, prev, hash, ct);
    }
}
