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
    public async Task SealAsync(string streamId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var heads = await Seals.HeadsAsync(conn, schema, [streamId], ct);
        var head = heads.TryGetValue(streamId, out var h) ? h : (Version: 0L, Hash: EventChain.Genesis);
        await using var cmd = new NpgsqlCommand($"""
            select seq_id, version, type, timestamp, coalesce(user_name, ''), convert_to(data::text, 'UTF8')
            from {schema}.mt_events
            where stream_id = @s and version > @v
              and seq_id > coalesce((select last_seq_id from {schema}.mt_event_progression where name = @p), 0)
            order by version
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string>("s", streamId));
        cmd.Parameters.Add(new NpgsqlParameter<long>("v", head.Version));
        cmd.Parameters.Add(new NpgsqlParameter<string>("p", $"{EventSealer.SubscriptionName}:All"));
        var (seq, stream, version, prev, hash) = (new List<long>(), new List<string>(), new List<long>(), new List<string>(), new List<string>());
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var v = r.GetInt64(1);
                if (v != head.Version + 1) break;   // not the next version: leave it to the background sealer
                var next = EventChain.Hash(head.Hash, streamId, v, r.GetString(2), EventChain.Timestamp(r.GetFieldValue<DateTimeOffset>(3)),
                    r.GetString(4), r.GetFieldValue<byte[]>(5));
                seq.Add(r.GetInt64(0)); stream.Add(streamId); version.Add(v); prev.Add(head.Hash); hash.Add(next);
                head = (v, next);
            }
        if (seq.Count > 0) await Seals.WriteAsync(conn, schema, seq, stream, version, prev, hash, ct);
    }
}
