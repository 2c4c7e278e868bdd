using EventHr.Domain.Common;
using Npgsql;

namespace EventHr.Projections.Staff;

/// <summary>
/// The few profile facts a tally feed is checked against and routed by (brand, post, hire and end
/// dates), for every employee of a batch in one query by primary key, without loading the documents.
/// </summary>
public sealed class EmployeeFacts(string schema)
{
    public sealed record Entry(string EmployeeId, string BrandId, string PostId, DateOnly HiredOn, DateOnly? EndedOn);

    public async Task<Dictionary<string, Entry>> ForAsync(NpgsqlConnection conn, IReadOnlyCollection<string> employeeIds, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select data->>'employeeId', brand_id, post_id, (data->>'hiredOn')::date, (data->>'endedOn')::date
            from {schema}.mt_doc_employee where id = any(@keys)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("keys", employeeIds.Select(StreamKeys.Employee).ToArray()));
        var result = new Dictionary<string, Entry>(employeeIds.Count);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            result[r.GetString(0)] = new Entry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4));
        return result;
    }
}
