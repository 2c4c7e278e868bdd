using EventHr.Domain.Cases;
using Npgsql;

namespace EventHr.Projections.Cases;

/// <summary>
/// The few facts of open cases that decide whether a new tally needs the rule engine, read for a
/// whole feed in one query without loading the case documents.
/// </summary>
public sealed class OpenCaseIndex(string schema)
{
    public sealed record Entry(string EmployeeId, bool PlanActive, DateOnly? PlanUntil, DateOnly LastBreachOn);

    public async Task<Dictionary<string, Entry>> ForAsync(NpgsqlConnection conn, IReadOnlyCollection<string> employeeIds, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select employee_id, data->>'status', (data->'plan'->>'until')::date, (data->>'lastBreachOn')::date
            from {schema}.mt_doc_performancecase
            where employee_id = any(@ids) and data->>'status' <> @closed
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("ids", employeeIds.ToArray()));
        // Marten stores enums by name (EnumStorage.AsString).
        cmd.Parameters.Add(new NpgsqlParameter<string>("closed", nameof(CaseStatus.Closed)));
        var result = new Dictionary<string, Entry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            result[r.GetString(0)] = new Entry(r.GetString(0), r.GetString(1) == nameof(CaseStatus.PlanActive),
                r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3));
        return result;
    }
}
