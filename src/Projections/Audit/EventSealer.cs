using EventHr.Domain.Evidence.Integrity;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Npgsql;

namespace EventHr.Projections.Audit;

/// <summary>
/// Seals every event into its stream's hash chain a moment after it commits. It runs as a Marten
/// subscription in the async daemon, so it works on sequence ranges behind the high-water mark (no
/// event committed later can land inside a range it has sealed), on one node at a time, with its
/// progress kept by the daemon. Sealing after commit is what lets the hash cover the server's
/// timestamp, and keeps hashing off the ingestion path.
/// </summary>
/// <remarks>
/// The daemon is told to load only the event types named at registration (all but the large tally
/// batches): the sealer never uses the deserialised events, it reads every row of the range itself,
/// as stored text, in chunks. Seals are written on their own connection before the daemon records
/// progress; a range run twice writes nothing new, because a chain is a pure function of the stored
/// events and versions already sealed are skipped — so a rewind never re-seals altered history.
/// </remarks>
public sealed class EventSealer : SubscriptionBase
{
    public const string SubscriptionName = "event_sealer";
    // A chunk is at most this many events or this many stored bytes (a tally batch is ~50 KB stored, ~0.5 MB as text).
    private const int ChunkRows = 1_000;
    private const long ChunkBytes = 2_000_000;
    private const int CacheLimit = 50_000;

    private readonly string _schema;
    private readonly NpgsqlDataSource _dataSource;
    private readonly StoredEvents _events;
    // Chain heads of recently sealed streams: saves a lookup per chunk for busy streams.
    private readonly Dictionary<string, (long Version, string Hash)> _heads = new();

    public EventSealer(string schema, NpgsqlDataSource dataSource, IEnumerable<Type> loadedTypes)
    {
        _schema = schema;
        _dataSource = dataSource;
        _events = new StoredEvents(schema);
        Name = SubscriptionName;
        Options.BatchSize = 1_000;
        foreach (var type in loadedTypes) IncludeType(type);
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken ct)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        var from = page.SequenceFloor;
        while (from < page.SequenceCeiling)
        {
            var to = await _events.ChunkEndAsync(conn, from, page.SequenceCeiling, ChunkRows, ChunkBytes, ct);
            if (to is null) break;
            var rows = await _events.RangeAsync(conn, from, to.Value, ct);
            await SealAsync(conn, rows, ct);
            if (rows.Count > 0 && DateTimeOffset.TryParse(rows[^1].Timestamp, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var newest))
                Telemetry.EventHrMetrics.SealerLag.Record(Math.Max(0, (DateTimeOffset.UtcNow - newest).TotalSeconds));
            from = to.Value;
        }
        if (_heads.Count > CacheLimit) _heads.Clear();
        return NullChangeListener.Instance;
    }

    private async Task SealAsync(NpgsqlConnection conn, List<StoredEvents.RawRow> rows, CancellationToken ct)
    {
        var fresh = rows.Select(r => r.StreamId).Distinct().Where(s => !_heads.ContainsKey(s)).ToHashSet();
        await LoadHeadsAsync(conn, fresh.ToArray(), ct);
        // New heads stay local until their seals are written: a failed write must not leave the cache ahead of the table.
        var heads = new Dictionary<string, (long Version, string Hash)>();
        var seq = new List<long>(rows.Count);
        var stream = new List<string>(rows.Count);
        var version = new List<long>(rows.Count);
        var prev = new List<string>(rows.Count);
        var hash = new List<string>(rows.Count);
        var queue = new Queue<StoredEvents.RawRow>(rows);
        while (queue.TryDequeue(out var e))
        {
            var head = heads.TryGetValue(e.StreamId, out var h) ? h
                : _heads.TryGetValue(e.StreamId, out h) ? h : (Version: 0L, Hash: EventChain.Genesis);
            if (e.Version <= head.Version) continue;
            if (e.Version != head.Version + 1 && !heads.ContainsKey(e.StreamId) && fresh.Add(e.StreamId))
            {
                // The cache may be stale: ask the table.
                _heads.Remove(e.StreamId);
                await LoadHeadsAsync(conn, [e.StreamId], ct);
                head = _heads.TryGetValue(e.StreamId, out h) ? h : (Version: 0L, Hash: EventChain.Genesis);
                if (e.Version <= head.Version) continue;
            }
            if (e.Version != head.Version + 1)
            {
                // An earlier version committed after the daemon passed its sequence number (a slow transaction):
                // versions of a stream commit in order, so it is there now. Seal it first; a true gap stays a gap.
                var missed = await _events.BetweenVersionsAsync(conn, e.StreamId, head.Version, e.Version, ct);
                if (missed.Count > 0)
                {
                    var rest = queue.ToList();
                    queue.Clear();
                    foreach (var m in missed) queue.Enqueue(m);
                    queue.Enqueue(e);
                    foreach (var r in rest) queue.Enqueue(r);
                    continue;
                }
            }
            var next = EventChain.Hash(head.Hash, e.StreamId, e.Version, e.Type, e.Timestamp, e.Actor, e.Data);
            seq.Add(e.Sequence); stream.Add(e.StreamId); version.Add(e.Version); prev.Add(head.Hash); hash.Add(next);
            heads[e.StreamId] = (e.Version, next);
        }
        if (seq.Count == 0) return;
        try
        {
            var written = await Seals.WriteAsync(conn, _schema, seq, stream, version, prev, hash, ct);
            // Fewer rows than seals: some were there already (another node, a bundle export, a rewind); read heads again.
            if (written != seq.Count) { _heads.Clear(); return; }
        }
        catch
        {
            _heads.Clear();
            throw;
        }
        foreach (var (key, value) in heads) _heads[key] = value;
    }

    private async Task LoadHeadsAsync(NpgsqlConnection conn, string[] streams, CancellationToken ct)
    {
        foreach (var (stream, head) in await Seals.HeadsAsync(conn, _schema, streams, ct)) _heads[stream] = head;
    }
}
