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
    /// <summary>A stream's events up to an instant (all when null) and a version, in version order, with seals.</summary>
    public async Task<List<StoredEvent>> StreamAsync(NpgsqlConnection conn, string streamId, DateTimeOffset? asOf, CancellationToken ct,
        long maxVersion = long.MaxValue)
    {
        await using var cmd = new NpgsqlCommand($"""
            select e.seq_id, e.stream_id, e.version, e.type, e.timestamp, coalesce(e.user_name, ''), e.data::text, e.correlation_id,
                   h.prev_hash, h.hash
            from {schema}.mt_events e left join {schema}.{EventHashTable.Name} h on h.seq_id = e.seq_id
            where e.stream_id = @s and (@asOf::timestamptz is null or e.timestamp <= @asOf) and e.version <= @max
            order by e.version
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string>("s", streamId));
        cmd.Parameters.Add(new NpgsqlParameter<long>("max", maxVersion));
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
            slots.Add(new ChainSlot(version, e, r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetInt64(6)));
        }
        return slots;
    }

    /// <summary>
    /// Every stream's positions, one stream at a time in stream order, read as a single streaming query:
    /// the whole-store check hands each stream's slots on before reading the next, so memory stays flat.
    /// </summary>
    public async IAsyncEnumerable<(string StreamId, List<ChainSlot> Slots)> AllSlotsAsync(NpgsqlConnection conn,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select coalesce(e.stream_id, h.stream_id), coalesce(e.version, h.version), e.type, e.timestamp, coalesce(e.user_name, ''),
                   e.data::text, h.hash, e.seq_id
            from {schema}.mt_events e
            full join {schema}.{EventHashTable.Name} h on h.stream_id = e.stream_id and h.version = e.version
            order by 1, 2
            """, conn) { CommandTimeout = 3600 };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        string? current = null;
        var slots = new List<ChainSlot>();
        while (await r.ReadAsync(ct))
        {
            var streamId = r.GetString(0);
            if (current is not null && streamId != current)
            {
                yield return (current, slots);
                slots = new List<ChainSlot>();
            }
            current = streamId;
            var version = r.GetInt64(1);
            var e = r.IsDBNull(7) ? null
                : new ChainedEvent(streamId, version, r.GetString(2), EventChain.Timestamp(r.GetFieldValue<DateTimeOffset>(3)), r.GetString(4), r.GetString(5));
            slots.Add(new ChainSlot(version, e, r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetInt64(7)));
        }
        if (current is not null) yield return (current, slots);
    }

    /// <summary>An event row as the sealer reads it: the data as UTF-8 bytes of its text, never decoded.</summary>
    public sealed record RawRow(long Sequence, string StreamId, long Version, string Type, string Timestamp, string Actor, byte[] Data);

    /// <summary>
    /// Where the next chunk after <c>floor</c> should end: at most <c>rows</c> events and about <c>bytes</c>
    /// stored bytes (sizes come from the row headers, without reading the bodies); null when none is left.
    /// </summary>
    public async Task<long?> ChunkEndAsync(NpgsqlConnection conn, long floor, long ceiling, int rows, long bytes, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select seq_id, pg_column_size(data) from {schema}.mt_events
            where seq_id > @f and seq_id <= @c order by seq_id limit @l
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<long>("f", floor));
        cmd.Parameters.Add(new NpgsqlParameter<long>("c", ceiling));
        cmd.Parameters.Add(new NpgsqlParameter<int>("l", rows));
        long? end = null;
        long total = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            total += r.GetInt32(1);
            if (end is not null && total > bytes) break;
            end = r.GetInt64(0);
        }
        return end;
    }

    /// <summary>How far the background sealer has come (its progress in the daemon's table).</summary>
    public async Task<long> SealedThroughAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"select coalesce((select last_seq_id from {schema}.mt_event_progression where name = @p), 0)", conn);
        cmd.Parameters.Add(new NpgsqlParameter<string>("p", $"{EventSealer.SubscriptionName}:All"));
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// A stream's events strictly between two versions, in version order, optionally only those with a
    /// sequence above a floor (the sealers' reads of events they have not sealed yet).
    /// </summary>
    public async Task<List<RawRow>> BetweenVersionsAsync(NpgsqlConnection conn, string streamId, long after, long before, CancellationToken ct,
        long aboveSequence = long.MinValue)
    {
        await using var cmd = new NpgsqlCommand($"""
            select e.seq_id, e.stream_id, e.version, e.type, e.timestamp, coalesce(e.user_name, ''), convert_to(e.data::text, 'UTF8')
            from {schema}.mt_events e where e.stream_id = @s and e.version > @a and e.version < @b and e.seq_id > @q
            order by e.version
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string>("s", streamId));
        cmd.Parameters.Add(new NpgsqlParameter<long>("a", after));
        cmd.Parameters.Add(new NpgsqlParameter<long>("b", before));
        cmd.Parameters.Add(new NpgsqlParameter<long>("q", aboveSequence));
        return await ReadRaw(cmd, ct);
    }

    /// <summary>The events of a sequence range (after <c>floor</c>, up to <c>ceiling</c>) in sequence order, for the sealer.</summary>
    public async Task<List<RawRow>> RangeAsync(NpgsqlConnection conn, long floor, long ceiling, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select e.seq_id, e.stream_id, e.version, e.type, e.timestamp, coalesce(e.user_name, ''), convert_to(e.data::text, 'UTF8')
            from {schema}.mt_events e where e.seq_id > @f and e.seq_id <= @c
            order by e.seq_id
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<long>("f", floor));
        cmd.Parameters.Add(new NpgsqlParameter<long>("c", ceiling));
        return await ReadRaw(cmd, ct);
    }

    private static async Task<List<RawRow>> ReadRaw(NpgsqlCommand cmd, CancellationToken ct)
    {
        var rows = new List<RawRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new RawRow(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3),
                EventChain.Timestamp(r.GetFieldValue<DateTimeOffset>(4)), r.GetString(5), r.GetFieldValue<byte[]>(6)));
        return rows;
    }

    private static StoredEvent Read(NpgsqlDataReader r)
    {
        var at = r.GetFieldValue<DateTimeOffset>(4);
        var e = new ChainedEvent(r.GetString(1), r.GetInt64(2), r.GetString(3), EventChain.Timestamp(at), r.GetString(5), r.GetString(6));
        return new StoredEvent(r.GetInt64(0), e, at, r.IsDBNull(7) ? null : r.GetString(7),
            r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9));
    }
}
