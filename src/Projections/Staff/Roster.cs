using System.Text.Json;
using EventHr.Domain.Staff;
using Npgsql;
using NpgsqlTypes;

namespace EventHr.Projections.Staff;

/// <summary>
/// The roster of every profile of some brands (all, when none are named) as a day's reports read it, straight from the
/// profiles' document table: the fields PostgreSQL takes out of each document, and its two short period lists. With
/// 10,000 staff, whole profiles were a third of the 09:00 run; Marten's own projection of the query (a JSON object built
/// per row) was slower still than the whole documents.
/// </summary>
public sealed class Roster(string schema)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<List<RosterEntry>> ReadAsync(NpgsqlConnection conn, IReadOnlyCollection<string>? brands, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select d.data->>'employeeId', d.data->>'name', d.brand_id, d.department, d.data->>'managerId',
                   (d.data->>'hiredOn')::date, (d.data->>'endedOn')::date, d.data->>'posts', d.data->>'salary'
            from {schema}.mt_doc_employee d
            where @b::text[] is null or d.brand_id = any(@b)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)brands?.ToArray() ?? DBNull.Value });
        var roster = new List<RosterEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            roster.Add(new RosterEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateOnly>(5),
                r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6), JsonSerializer.Deserialize<List<PostPeriod>>(r.GetString(7), Json)!,
                JsonSerializer.Deserialize<List<SalaryPeriod>>(r.GetString(8), Json)!));
        return roster;
    }
}
