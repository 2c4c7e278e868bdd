using EventHr.Domain.Evidence.Bundles;
using EventHr.Projections.Tallies;
using Npgsql;
using NpgsqlTypes;

namespace EventHr.Projections.Audit;

/// <summary>
/// An employee's tally rows over a date range as recorded by an instant — corrected rows included,
/// later ones absent — each with the batch event that carried it and that event's seal. "By an instant" is by the
/// store's clock, as for every stream: a row counts when its batch event was stored (a demo's settable clock dates
/// what happened, never when the store recorded it).
/// </summary>
public sealed class EvidenceTallies(string schema)
{
    public async Task<List<EvidenceTally>> ForAsync(NpgsqlConnection conn, string employeeId, DateOnly from, DateOnly to,
        DateTimeOffset? asOf, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select t.source_id, t.business_date, t.orders, t.visitors, t.revenue, t.repeat_orders, t.clicks,
                   t.avg_response_seconds, t.csat, t.dwell_seconds, t.corrects, coalesce(e.timestamp, t.recorded_at), b.stream, h.hash
            from {schema}.tally_rows t
            cross join lateral (select 'tallies:' || replace(t.batch_id::text, '-', '') as stream) b
            left join {schema}.mt_events e on e.stream_id = b.stream and e.version = 1
            left join {schema}.{EventHashTable.Name} h on h.stream_id = b.stream and h.version = 1
            where t.employee_id = @e and t.business_date between @f and @t
              and (@asOf::timestamptz is null or coalesce(e.timestamp, t.recorded_at) <= @asOf)
            order by t.business_date, coalesce(e.timestamp, t.recorded_at)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string>("e", employeeId));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("f", from));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("t", to));
        cmd.Parameters.Add(new NpgsqlParameter("asOf", NpgsqlDbType.TimestampTz) { Value = (object?)asOf ?? DBNull.Value });
        var rows = new List<EvidenceTally>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var metrics = TallyLedger.ReadMetrics(r, 2);
            rows.Add(new EvidenceTally(r.GetString(0), r.GetFieldValue<DateOnly>(1), metrics, r.IsDBNull(10) ? null : r.GetString(10),
                r.GetFieldValue<DateTimeOffset>(11), r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13)));
        }
        return rows;
    }
}
