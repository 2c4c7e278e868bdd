using EventHr.Domain.Reports;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using Npgsql;
using NpgsqlTypes;

namespace EventHr.Projections.Tallies;

/// <summary>
/// Computes the group views' aggregates again from the whole ledger in one pass (./ops/projections rebuild, the API
/// stopped): the ledger read in employee order on one connection while the facts are copied in binary on another,
/// each employee's days judged by <see cref="DayContribution"/> as the subscription judges them; the day sums are
/// then one aggregate over the facts, and the subscription carries on from the last event there was. Replaying every
/// event through the subscription gives the same tables, at the speed of the events (a test compares them).
/// </summary>
public sealed class GroupAggregatesRebuild(string schema)
{
    public sealed record Result(long Rows, long Facts, long LastEvent);

    /// <param name="staff">every profile, as the projections now hold them</param>
    /// <param name="standardOf">each brand × post's standard</param>
    public async Task<Result> RunAsync(NpgsqlDataSource dataSource, IReadOnlyList<Employee> staff, Func<string, string, Standard?> standardOf,
        CancellationToken ct)
    {
        var profiles = staff.ToDictionary(e => e.EmployeeId);
        await using var write = await dataSource.OpenConnectionAsync(ct);
        await using var read = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await write.BeginTransactionAsync(ct);
        long lastEvent;
        await using (var cmd = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {schema}.mt_events", write, tx))
            lastEvent = (long)(await cmd.ExecuteScalarAsync(ct))!;
        var aggregates = new GroupAggregates(schema);
        var (facts, sums) = (aggregates.Facts, aggregates.Sums);
        await using (var cmd = new NpgsqlCommand($"truncate {facts}, {sums}", write, tx)) await cmd.ExecuteNonQueryAsync(ct);

        long rows = 0, written = 0;
        await using (var copy = await write.BeginBinaryImportAsync($"copy {facts} ({GroupAggregates.FactColumns}) from stdin (format binary)", ct))
        {
            var one = new List<StoredTally>();
            async Task Flush()
            {
                if (one.Count == 0 || !profiles.TryGetValue(one[0].EmployeeId, out var employee)) { one.Clear(); return; }
                foreach (var day in TallyWindow.Days(one, employee))
                {
                    if (DayContribution.Of(employee, day, standardOf) is not { } c) continue;
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(employee.EmployeeId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(day.Date, NpgsqlDbType.Date, ct);
                    await copy.WriteAsync(c.BrandId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(c.PostId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(c.Region, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(c.TargetsEvaluated, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(c.TargetsMet, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(c.SalaryCost, NpgsqlDbType.Numeric, ct);
                    if (c.Revenue is { } revenue) await copy.WriteAsync(revenue, NpgsqlDbType.Numeric, ct);
                    else await copy.WriteNullAsync(ct);
                    written++;
                }
                one.Clear();
            }
            await foreach (var row in new TallyLedger(schema).StreamInForceAsync(read, ct))
            {
                rows++;
                if (one.Count > 0 && one[0].EmployeeId != row.EmployeeId) await Flush();
                one.Add(row);
            }
            await Flush();
            await copy.CompleteAsync(ct);
        }

        await using (var cmd = new NpgsqlCommand($"""
            insert into {sums} {GroupAggregates.SumsColumns} {GroupAggregates.SumsOf(facts, "")};
            insert into {schema}.mt_event_progression (name, last_seq_id, last_updated) values (@n, @seq, now())
            on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = now();
            """, write, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string>("n", $"{GroupAggregatesSubscription.SubscriptionName}:All"));
            cmd.Parameters.Add(new NpgsqlParameter<long>("seq", lastEvent));
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new Result(rows, written, lastEvent);
    }
}
