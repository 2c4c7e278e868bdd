using EventHr.Domain.Kpi;
using EventHr.Domain.Tallies;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace EventHr.Projections.Tallies;

/// <summary>
/// The row-level read model of tallies, written in the same transaction as the batch's
/// <see cref="TalliesRecorded"/> event. Its primary key on source_id is also what makes ingestion
/// idempotent: "insert ... on conflict do nothing returning" tells in one round trip which rows are new.
/// </summary>
/// <summary>A stored row as a new one is checked against it.</summary>
public sealed record StoredRow(string EmployeeId, DateOnly Date, string? Feed);

public sealed class TallyLedger(string schema)
{
    public const string TableName = "tally_rows";
    private string Table => $"{schema}.{TableName}";

    public Table Definition()
    {
        var table = new Table(PostgresqlProvider.Instance.Parse(schema, TableName));
        table.AddColumn<string>("source_id").AsPrimaryKey();
        table.AddColumn<string>("employee_id").NotNull();
        table.AddColumn("business_date", "date").NotNull();
        table.AddColumn("orders", "integer");
        table.AddColumn("visitors", "integer");
        table.AddColumn("revenue", "numeric");
        table.AddColumn("repeat_orders", "integer");
        table.AddColumn("clicks", "integer");
        table.AddColumn("avg_response_seconds", "numeric");
        table.AddColumn("csat", "numeric");
        table.AddColumn("dwell_seconds", "numeric");
        table.AddColumn<string>("corrects");
        table.AddColumn<Guid>("batch_id").NotNull();
        table.AddColumn("recorded_at", "timestamptz").NotNull();
        // The feed (sub) that first sent the row: it alone (or HR) may correct it, and another feed's row of the same id is a conflict.
        table.AddColumn<string>("feed");
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_employee_date") { Columns = ["employee_id", "business_date"] });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_corrects") { Columns = ["corrects"], Predicate = "corrects is not null" });
        // A day's rows of every employee (the 09:00 run): feeds send days in order, so each block range holds a few days and
        // a block-range index finds them for next to nothing kept up, where a b-tree would cost every insert.
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_business_date") { Columns = ["business_date"], Method = IndexMethod.brin });
        return table;
    }

    /// <summary>Inserts the rows not seen before and returns their source ids.</summary>
    public async Task<HashSet<string>> InsertNewAsync(NpgsqlConnection conn, IReadOnlyList<TallyRow> rows, Guid batchId,
        DateTimeOffset at, string feed, CancellationToken ct)
    {
        var n = rows.Count;
        var cmd = new NpgsqlCommand($"""
            insert into {Table} (source_id, employee_id, business_date, orders, visitors, revenue, repeat_orders,
                clicks, avg_response_seconds, csat, dwell_seconds, corrects, batch_id, recorded_at, feed)
            select t.*, @batch, @at, @feed from unnest(@s, @e, @d, @o, @v, @r, @ro, @c, @ar, @cs, @dw, @co)
                as t(s, e, d, o, v, r, ro, c, ar, cs, dw, co)
            on conflict (source_id) do nothing
            returning source_id
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("s", rows.Select(x => x.SourceId).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("e", rows.Select(x => x.EmployeeId).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly[]>("d", rows.Select(x => x.Date).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<int?[]>("o", rows.Select(x => x.Metrics.Orders).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<int?[]>("v", rows.Select(x => x.Metrics.Visitors).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<decimal?[]>("r", rows.Select(x => x.Metrics.Revenue).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<int?[]>("ro", rows.Select(x => x.Metrics.RepeatOrders).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<int?[]>("c", rows.Select(x => x.Metrics.Clicks).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<decimal?[]>("ar", rows.Select(x => x.Metrics.AvgResponseSeconds).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<decimal?[]>("cs", rows.Select(x => x.Metrics.Csat).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<decimal?[]>("dw", rows.Select(x => x.Metrics.DwellSeconds).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("co", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(x => (object?)x.Corrects ?? DBNull.Value).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("batch", batchId));
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at));
        cmd.Parameters.Add(new NpgsqlParameter<string>("feed", feed));
        var inserted = new HashSet<string>(n);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) inserted.Add(reader.GetString(0));
        return inserted;
    }

    /// <summary>Stored rows by source id (employee, date and the feed that sent them): what a correction points at, whose a repeated id is.</summary>
    public async Task<Dictionary<string, StoredRow>> FindAsync(NpgsqlConnection conn, IReadOnlyCollection<string> sourceIds, CancellationToken ct)
    {
        var found = new Dictionary<string, StoredRow>();
        if (sourceIds.Count == 0) return found;
        await using var cmd = new NpgsqlCommand($"select source_id, employee_id, business_date, feed from {Table} where source_id = any(@ids)", conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("ids", sourceIds.ToArray()));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found[reader.GetString(0)] = new StoredRow(reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        return found;
    }

    /// <summary>The rows in force for an employee over a date range: a corrected row is replaced by its correction.</summary>
    public async Task<List<StoredTally>> InForceAsync(NpgsqlConnection conn, string employeeId, DateOnly from, DateOnly to,
        CancellationToken ct) => await InForceAsync(conn, [employeeId], from, to, ct);

    /// <summary>The rows in force for several employees over a date range, ordered by employee and date.</summary>
    public async Task<List<StoredTally>> InForceAsync(NpgsqlConnection conn, IReadOnlyCollection<string> employeeIds, DateOnly from,
        DateOnly to, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select {InForceColumns}
            from {Table} t
            where t.employee_id = any(@e) and t.business_date between @f and @t
              and not exists (select 1 from {Table} c where c.corrects = t.source_id)
            order by t.employee_id, t.business_date, t.source_id
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("e", employeeIds.ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("f", from));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("t", to));
        var rows = new List<StoredTally>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) rows.Add(ReadInForce(r));
        return rows;
    }

    /// <summary>The rows in force of every employee on one day, ordered by employee (and source id within a day).</summary>
    public async Task<List<StoredTally>> InForceOnAsync(NpgsqlConnection conn, DateOnly day, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select {InForceColumns}
            from {Table} t
            where t.business_date = @d and not exists (select 1 from {Table} c where c.corrects = t.source_id)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("d", day));
        var rows = new List<StoredTally>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) rows.Add(ReadInForce(r));
        // Sorted here, by code point as the per-employee reads are: PostgreSQL's collation sort took half the query's time.
        rows.Sort((a, b) => string.CompareOrdinal(a.EmployeeId, b.EmployeeId) is var c and not 0 ? c : string.CompareOrdinal(a.SourceId, b.SourceId));
        return rows;
    }

    private const string InForceColumns = "t.source_id, t.business_date, t.orders, t.visitors, t.revenue, t.repeat_orders, t.clicks, "
        + "t.avg_response_seconds, t.csat, t.dwell_seconds, t.corrects, t.employee_id";

    private static StoredTally ReadInForce(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetFieldValue<DateOnly>(1), ReadMetrics(r, 2), r.IsDBNull(10) ? null : r.GetString(10), r.GetString(11));

    /// <summary>
    /// Every row in force, ordered by employee and date, as it is read (a rebuild of what is derived from the whole ledger
    /// holds one employee's rows at a time, never the ledger). The sort is given memory to stay off disk.
    /// </summary>
    public async IAsyncEnumerable<StoredTally> StreamInForceAsync(NpgsqlConnection conn,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var memory = new NpgsqlCommand("set local work_mem = '512MB'", conn, tx)) await memory.ExecuteNonQueryAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            select {InForceColumns}
            from {Table} t
            where not exists (select 1 from {Table} c where c.corrects = t.source_id)
            order by t.employee_id, t.business_date, t.source_id
            """, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) yield return ReadInForce(r);
    }

    /// <summary>Average daily clicks and conversion of a set of peers over a date range (the diagnosis reference).</summary>
    public async Task<(decimal? Clicks, decimal? Conversion)> PeerAveragesAsync(NpgsqlConnection conn, IReadOnlyCollection<string> peerIds,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select avg(t.clicks)::numeric, (sum(t.orders)::numeric / nullif(sum(t.visitors), 0))
            from {Table} t
            where t.employee_id = any(@e) and t.business_date between @f and @t
              and not exists (select 1 from {Table} c where c.corrects = t.source_id)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("e", peerIds.ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("f", from));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("t", to));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (DecOrNull(r, 0), DecOrNull(r, 1));
    }

    /// <summary>The eight metric columns, in table order (orders … dwell_seconds), starting at <c>first</c>.</summary>
    public static RawMetrics ReadMetrics(NpgsqlDataReader r, int first) => new(IntOrNull(r, first), IntOrNull(r, first + 1),
        DecOrNull(r, first + 2), IntOrNull(r, first + 3), IntOrNull(r, first + 4), DecOrNull(r, first + 5), DecOrNull(r, first + 6),
        DecOrNull(r, first + 7));

    private static int? IntOrNull(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
    private static decimal? DecOrNull(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);
}

public sealed record StoredTally(string SourceId, DateOnly Date, RawMetrics Metrics, string? Corrects, string EmployeeId = "");
