using EventHr.Domain.Common;
using EventHr.Domain.Reports;
using EventHr.Domain.Staff;
using EventHr.Projections.Standards;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Npgsql;

namespace EventHr.Projections.Tallies;

/// <summary>
/// Keeps <see cref="GroupAggregates"/> as the events land, in the async daemon (one node at a time, in order, its
/// progress kept by the daemon; rewound, it rebuilds them). An event that changes what a tallied day contributes
/// makes its employee-days stale: a batch its rows' days, a move or a pay change the employee's days from its
/// effective date, an end of employment the days after it, a standard version its brand × post's days from its
/// effective date. Stale days are computed again from the ledger and the profiles as they stand, so a range run
/// twice, or events met out of order, end where a computation from the ledger would.
/// </summary>
/// <remarks>
/// Like the sealer it asks the daemon to load only one small, rare event type and reads what it needs of each range
/// itself: the large tally batches are never deserialised, PostgreSQL reads each row's employee and day from them.
/// </remarks>
public sealed class GroupAggregatesSubscription : SubscriptionBase
{
    public const string SubscriptionName = "group_aggregates";
    private static readonly DateOnly Open = new(9999, 12, 31);
    private const int EmployeesPerChunk = 5_000;

    private readonly string _schema;
    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupAggregates _aggregates;
    private readonly TallyLedger _ledger;

    // Profiles of recently recomputed employees: a batch names the same staff every day. An employee's entry is dropped
    // when a range holds an event of their stream, before that range is computed; an event after the range that changes
    // a contribution makes its own days stale when its range comes, so the result is the same as loading every time.
    private readonly Dictionary<string, Employee> _profiles = new();
    private const int ProfileCacheLimit = 100_000;

    public GroupAggregatesSubscription(string schema, NpgsqlDataSource dataSource, IEnumerable<Type> loadedTypes)
    {
        _schema = schema;
        _dataSource = dataSource;
        _aggregates = new GroupAggregates(schema);
        _ledger = new TallyLedger(schema);
        Name = SubscriptionName;
        Options.BatchSize = 1_000;
        foreach (var type in loadedTypes) IncludeType(type);
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken ct)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        await ForgetChangedProfilesAsync(conn, page.SequenceFloor, page.SequenceCeiling, ct);
        var spans = await StaleSpansAsync(conn, operations, page.SequenceFloor, page.SequenceCeiling, ct);
        foreach (var chunk in spans.Chunk(EmployeesPerChunk)) await RecomputeAsync(conn, operations, chunk, ct);
        return NullChangeListener.Instance;
    }

    private async Task ForgetChangedProfilesAsync(NpgsqlConnection conn, long floor, long ceiling, CancellationToken ct)
    {
        if (_profiles.Count > ProfileCacheLimit) _profiles.Clear();
        if (_profiles.Count == 0) return;
        await using var cmd = new NpgsqlCommand(
            $"select distinct stream_id from {_schema}.mt_events where seq_id > @f and seq_id <= @c and stream_id like 'employee:%'", conn);
        cmd.Parameters.Add(new NpgsqlParameter<long>("f", floor));
        cmd.Parameters.Add(new NpgsqlParameter<long>("c", ceiling));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) _profiles.Remove(r.GetString(0)["employee:".Length..]);
    }

    /// <summary>Per employee, the days the range's events made stale (the earliest to the latest).</summary>
    private async Task<List<GroupAggregates.Span>> StaleSpansAsync(NpgsqlConnection conn, IQuerySession session, long floor, long ceiling,
        CancellationToken ct)
    {
        var spans = new Dictionary<string, (DateOnly From, DateOnly To)>();
        void Stale(string employee, DateOnly from, DateOnly to) =>
            spans[employee] = spans.TryGetValue(employee, out var s) ? (Min(s.From, from), Max(s.To, to)) : (from, to);

        await using (var cmd = new NpgsqlCommand($"""
            select r->>'employeeId', min((r->>'date')::date), max((r->>'date')::date)
            from {_schema}.mt_events e cross join lateral jsonb_array_elements(e.data->'rows') r
            where e.seq_id > @f and e.seq_id <= @c and e.type = 'tallies_recorded'
            group by 1
            """, conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter<long>("f", floor));
            cmd.Parameters.Add(new NpgsqlParameter<long>("c", ceiling));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) Stale(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<DateOnly>(2));
        }

        var standards = new List<(string Brand, string Post, DateOnly From)>();
        await using (var cmd = new NpgsqlCommand($"""
            select e.type, e.data->>'employeeId', e.data->>'effectiveOn', e.data->>'previousEndOn', e.data->>'newEndOn',
                   e.data->>'brandId', e.data->>'postId', e.data->>'effectiveFrom'
            from {_schema}.mt_events e
            where e.seq_id > @f and e.seq_id <= @c
              and e.type in ('post_changed', 'salary_changed', 'employment_ended', 'employment_end_postponed', 'standard_published')
            """, conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter<long>("f", floor));
            cmd.Parameters.Add(new NpgsqlParameter<long>("c", ceiling));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                DateOnly? Date(int i) => r.IsDBNull(i) ? null : DateOnly.Parse(r.GetString(i), System.Globalization.CultureInfo.InvariantCulture);
                switch (r.GetString(0))
                {
                    case "standard_published":
                        standards.Add((r.GetString(5), r.GetString(6), Date(7)!.Value));
                        break;
                    case "employment_end_postponed":
                        var previous = Date(3)!.Value;
                        Stale(r.GetString(1), Date(4) is { } next ? Min(previous, next) : previous, Open);
                        break;
                    default:
                        Stale(r.GetString(1), Date(2)!.Value, Open);
                        break;
                }
            }
        }

        foreach (var (brand, post, from) in standards)
            foreach (var e in await session.Query<Employee>().Where(e => e.BrandId == brand).ToListAsync(ct))
                if (e.PostId == post || e.Posts.Any(p => p.PostId == post)) Stale(e.EmployeeId, from, Open);

        return spans.Select(kv => new GroupAggregates.Span(kv.Key, kv.Value.From, kv.Value.To)).ToList();
    }

    private async Task RecomputeAsync(NpgsqlConnection conn, IQuerySession session, IReadOnlyList<GroupAggregates.Span> spans, CancellationToken ct)
    {
        var missing = spans.Select(s => s.EmployeeId).Where(id => !_profiles.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var e in await session.LoadManyAsync<Employee>(ct, missing.Select(StreamKeys.Employee))) _profiles[e.EmployeeId] = e;
        var employees = spans.Where(s => _profiles.ContainsKey(s.EmployeeId)).ToDictionary(s => s.EmployeeId, s => _profiles[s.EmployeeId]);
        var rows = (await _ledger.InForceAsync(conn, spans.Select(s => s.EmployeeId).ToList(), spans.Min(s => s.From), spans.Max(s => s.To), ct))
            .ToLookup(r => r.EmployeeId);
        var standards = await StandardLookup.LoadAsync(session, employees.Values.SelectMany(e => e.Posts.Select(p => (e.BrandId, p.PostId))), ct);
        var facts = new List<GroupAggregates.Fact>();
        foreach (var span in spans)
        {
            if (!employees.TryGetValue(span.EmployeeId, out var employee)) continue;
            foreach (var day in TallyWindow.Days(rows[span.EmployeeId].Where(r => r.Date >= span.From && r.Date <= span.To), employee))
                if (DayContribution.Of(employee, day, (b, p) => standards.GetValueOrDefault((b, p))) is { } contribution)
                    facts.Add(new GroupAggregates.Fact(employee.EmployeeId, day.Date, contribution));
        }
        await using var tx = await conn.BeginTransactionAsync(ct);
        await _aggregates.ReplaceAsync(conn, spans, facts, ct);
        await tx.CommitAsync(ct);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
