using Npgsql;

namespace EventHr.Projections.Tallies;

/// <summary>
/// Rebuilds the tally ledger from the <c>tallies_recorded</c> events alone, in one transaction: the
/// ledger is a read model, and the events stay the evidence (G11). Rows come back exactly as ingestion
/// wrote them (batch id and receipt time are in the event). Stop the API first: the table is locked.
/// </summary>
public sealed class TallyLedgerRebuild(string schema)
{
    public async Task<int> RunAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var table = $"{schema}.{TallyLedger.TableName}";
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var truncate = new NpgsqlCommand($"truncate {table}", conn, tx)) await truncate.ExecuteNonQueryAsync(ct);
        // The batch fields are read once per event (materialised): a per-row reference to the event's data
        // would decompress the whole ~0.5 MB batch again for each of its rows.
        await using var insert = new NpgsqlCommand($"""
            with batches as materialized (
                select seq_id, data->'rows' as rows, (data->>'batchId')::uuid as batch_id, (data->>'receivedAt')::timestamptz as received_at,
                       data->>'receivedBy' as feed
                from {schema}.mt_events where type = 'tallies_recorded')
            insert into {table} (source_id, employee_id, business_date, orders, visitors, revenue, repeat_orders, clicks,
                                 avg_response_seconds, csat, dwell_seconds, corrects, batch_id, recorded_at, feed)
            select r->>'sourceId', r->>'employeeId', (r->>'date')::date, (m->>'orders')::int, (m->>'visitors')::int,
                   (m->>'revenue')::numeric, (m->>'repeatOrders')::int, (m->>'clicks')::int, (m->>'avgResponseSeconds')::numeric,
                   (m->>'csat')::numeric, (m->>'dwellSeconds')::numeric, r->>'corrects', b.batch_id, b.received_at, b.feed
            from batches b
            cross join lateral jsonb_array_elements(b.rows) r
            cross join lateral (select r->'metrics' as m) x
            order by b.seq_id
            on conflict (source_id) do nothing
            """, conn, tx) { CommandTimeout = 3600 };
        var rows = await insert.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return rows;
    }
}
