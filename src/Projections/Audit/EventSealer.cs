using EventHr.Domain.Evidence.Integrity;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Npgsql;

namespace EventHr.Projections.Audit;

/// <summary>
/// Seals every event into its stream's hash chain a moment after it commits. It runs as a Marten
/// subscription in the async daemon, so it sees events in commit-safe sequence order (behind the
/// high-water mark), one node at a time, and its seals commit in the same transaction as its progress.
/// Sealing after commit is what lets the hash cover the server's timestamp, and keeps hashing off the
/// ingestion path. Re-running a page is harmless: a chain is a pure function of the stored events, and
/// versions already sealed are skipped, so a rewind never re-seals changed history.
/// </summary>
public sealed class EventSealer : SubscriptionBase
{
    public const string SubscriptionName = "event_sealer";
    private const int CacheLimit = 50_000;

    private readonly string _schema;
    private readonly NpgsqlDataSource _dataSource;
    private readonly StoredEvents _events;
    // Chain heads of recently sealed streams: saves a lookup per page for busy streams.
    private readonly Dictionary<string, (long Version, string Hash)> _heads = new();

    public EventSealer(string schema, NpgsqlDataSource dataSource)
    {
        _schema = schema;
        _dataSource = dataSource;
        _events = new StoredEvents(schema);
        Name = SubscriptionName;
        Options.BatchSize = 500;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken ct)
    {
        if (page.Events.Count == 0) return NullChangeListener.Instance;
        var sequences = page.Events.Select(e => e.Sequence).ToArray();

        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        var rows = await _events.BySequenceAsync(conn, sequences, ct);
        await LoadHeadsAsync(conn, rows.Select(r => r.Event.StreamId).Distinct().Where(s => !_heads.ContainsKey(s)).ToArray(), ct);

        var seq = new List<long>(rows.Count);
        var stream = new List<string>(rows.Count);
        var version = new List<long>(rows.Count);
        var prev = new List<string>(rows.Count);
        var hash = new List<string>(rows.Count);
        foreach (var row in rows)
        {
            var e = row.Event;
            var head = _heads.TryGetValue(e.StreamId, out var h) ? h : (Version: 0L, Hash: EventChain.Genesis);
            if (e.Version <= head.Version) continue;
            var next = EventChain.Hash(head.Hash, e);
            seq.Add(row.Sequence); stream.Add(e.StreamId); version.Add(e.Version); prev.Add(head.Hash); hash.Add(next);
            _heads[e.StreamId] = (e.Version, next);
        }

        if (seq.Count > 0)
            operations.QueueSqlCommand($"""
                insert into {_schema}.{EventHashTable.Name} (seq_id, stream_id, version, prev_hash, hash)
                select * from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[])
                on conflict do nothing
                """, seq.ToArray(), stream.ToArray(), version.ToArray(), prev.ToArray(), hash.ToArray());
        if (_heads.Count > CacheLimit) _heads.Clear();
        return NullChangeListener.Instance;
    }

    private async Task LoadHeadsAsync(NpgsqlConnection conn, string[] streams, CancellationToken ct)
    {
        if (streams.Length == 0) return;
        await using var cmd = new NpgsqlCommand($"""
            select distinct on (stream_id) stream_id, version, hash from {_schema}.{EventHashTable.Name}
            where stream_id = any(@s) order by stream_id, version desc
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("s", streams));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) _heads[r.GetString(0)] = (r.GetInt64(1), r.GetString(2));
    }
}
