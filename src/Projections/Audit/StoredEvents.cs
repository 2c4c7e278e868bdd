using EventHr.Domain.Evidence.Integrity;
using Npgsql;

namespace EventHr.Projections.Audit;

/// <summary>An event row as stored, with its seal when it has one.</summary>
public sealed record StoredEvent(long Sequence, ChainedEvent Event, DateTimeOffset Timestamp, string? CorrelationId, string? PrevHash, string? Hash);

/// <summary>
/// Raw reads of Marten's event table for audit: the stored text of each event (not a re-serialised
/// object), joined with its seal. What is hashed, verified and exported is always these bytes.
/// </summary>
public sealed class StoredEvents(string schema)
{
    /// <summary>A stream's events up to an instant (all when null), in version order, with seals.</summary>
    public async Task<List<StoredEvent>> StreamAsync(NpgsqlConnection conn, string streamId, DateTimeOffset? asOf, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select e.seq_id, e.stream_id, e.version, e.type, e.timestamp, coalesce(e.user_name, ''), e.data::text, e.correlation_id,
                   h.prev_hash, h.hash
            from {schema}.mt_events e left join {schema}.{EventHashTable.Name} h on h.seq_id = e.seq_id
            where e.stream_id = @s and (@asOf::timestamptz is null or e.timestamp <= @asOf)
            order by e.version
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string>("s", streamId));
        cmd.Parameters.Add(new NpgsqlParameter("asOf", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)asOf ?? DBNull.Value });
        var events = new List<StoredEvent>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) events.Add(Read(r));
        return events;
    }

    /// <summary>
    /// Every position of a stream for verification: event rows and seals joined both ways, so a
    /// deleted event (a seal without its row) shows as a slot with no event.
    /// </summary>
    public async Task<List<ChainSlot>> SlotsAsync(NpgsqlConnection conn, string streamId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select coalesce(e.version, h.version), e.type, e.timestamp, coalesce(e.user_name, ''), e.data::text, h.hash, e.seq_id
            from (select * from {schema}.mt_events where stream_id = @s) e
            full join (select * from {schema}.{EventHashTable.Name} where stream_id = @s) h on h.version = e.version
            order by 1
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string>("s", streamId));
        var slots = new List<ChainSlot>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var version = r.GetInt64(0);
            var e = r.IsDBNull(6) ? null
                : new ChainedEvent(streamId, version, r.GetString(1), EventChain.Timestamp(r.GetFieldValue<DateTimeOffset>(2)), r.GetString(3), r.GetString(4));
            slots.Add(new ChainSlot(version, e, r.IsDBNull(5) ? null : r.GetString(5)));
        }
        return slots;
    }

    /// <summary>Events by sequence number, for the sealer (the daemon names the sequences of a page).</summary>
    public async Task<List<StoredEvent>> BySequenceAsync(NpgsqlConnection conn, long[] sequences, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select e.seq_id, e.stream_id, e.version, e.type, e.timestamp, coalesce(e.user_name, ''), e.data::text, e.correlation_id,
                   null::text, null::text
            from {schema}.mt_events e where e.seq_id = any(@q)
            order by e.stream_id, e.version
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<long[]>("q", sequences));
        var events = new List<StoredEvent>(sequences.Length);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) events.Add(Read(r));
        return events;
    }

    private static StoredEvent Read(NpgsqlDataReader r)
    {
        var at = r.GetFieldValue<DateTimeOffset>(4);
        var e = new ChainedEvent(r.GetString(1), r.GetInt64(2), r.GetString(3), EventChain.Timestamp(at), r.GetString(5), r.GetString(6));
        return new StoredEvent(r.GetInt64(0), e, at, r.IsDBNull(7) ? null : r.GetString(7),
            r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9));
    }
}
