using EventHr.Domain.Common;
using Npgsql;

namespace EventHr.Projections.Staff;

/// <summary>
/// Brand and post of many employees at once, read from the employee documents' duplicated columns by
/// primary key: the rule engine needs them for every row of a daily feed, and nothing else of the profile.
/// </summary>
public sealed class EmployeePosts(string schema)
{
    public sealed record Entry(string EmployeeId, string BrandId, string PostId);

    public async Task<Dictionary<string, Entry>> CurrentAsync(NpgsqlConnection conn, IReadOnlyCollection<string> employeeIds, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select data->>'employeeId', brand_id, post_id from {schema}.mt_doc_employee
            where id = any(@keys) and data->>'endedOn' is null
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("keys", employeeIds.Select(StreamKeys.Employee).ToArray()));
        var result = new Dictionary<string, Entry>(employeeIds.Count);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) result[r.GetString(0)] = new Entry(r.GetString(0), r.GetString(1), r.GetString(2));
        return result;
    }
}
