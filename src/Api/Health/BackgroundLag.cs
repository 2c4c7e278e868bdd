using EventHr.Domain.Reports;
using Marten;
using Npgsql;

namespace EventHr.Api.Health;

/// <summary>How far behind the background work is, as /health/ready and the metrics report it.</summary>
/// <param name="Daemon">Age of the oldest event the daemon's high-water mark has not passed (zero when it is at the head).</param>
/// <param name="Sealer">Age of the oldest event not yet sealed into its hash chain.</param>
/// <param name="ReportChain">How long the hourly wake-up of the 09:00 run is overdue (null when none is booked yet).</param>
/// <param name="Aggregates">Age of the oldest event the group views' aggregates have not taken in.</param>
public sealed record BackgroundLag(TimeSpan Daemon, TimeSpan Sealer, TimeSpan? ReportChain, TimeSpan Aggregates)
{
    /// <summary>Limits past which a node says it is not ready (EventHr:Health:*; defaults suit a live feed).</summary>
    public sealed record Limits(TimeSpan Daemon, TimeSpan Sealer, TimeSpan ReportChain, TimeSpan Aggregates)
    {
        public static Limits From(IConfiguration config) => new(
            config.GetValue("EventHr:Health:MaxDaemonLag", TimeSpan.FromMinutes(5)),
            config.GetValue("EventHr:Health:MaxSealerLag", TimeSpan.FromMinutes(5)),
            config.GetValue("EventHr:Health:MaxReportChainDelay", TimeSpan.FromMinutes(15)),
            config.GetValue("EventHr:Health:MaxAggregatesLag", TimeSpan.FromMinutes(5)));
    }

    public static async Task<BackgroundLag> ReadAsync(NpgsqlConnection conn, IQuerySession session, string schema, CancellationToken ct)
    {
        // Store time on both sides: an age is the database's now minus an event's timestamp.
        await using var cmd = new NpgsqlCommand($"""
            with p as (select name, last_seq_id from {schema}.mt_event_progression)
            select
              coalesce((select extract(epoch from now() - min(e.timestamp)) from {schema}.mt_events e
                        where e.seq_id > coalesce((select last_seq_id from p where name = 'HighWaterMark'), 0)), 0),
              coalesce((select extract(epoch from now() - min(e.timestamp)) from {schema}.mt_events e
                        where e.seq_id > coalesce((select last_seq_id from p where name = @sealer), 0)), 0),
              coalesce((select extract(epoch from now() - min(e.timestamp)) from {schema}.mt_events e
                        where e.seq_id > coalesce((select last_seq_id from p where name = @aggregates), 0)), 0)
            """, conn);
        cmd.Parameters.AddWithValue("sealer", $"{Projections.Audit.EventSealer.SubscriptionName}:All");
        cmd.Parameters.AddWithValue("aggregates", $"{Projections.Tallies.GroupAggregatesSubscription.SubscriptionName}:All");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var daemon = TimeSpan.FromSeconds((double)reader.GetDecimal(0));
        var sealer = TimeSpan.FromSeconds((double)reader.GetDecimal(1));
        var aggregates = TimeSpan.FromSeconds((double)reader.GetDecimal(2));
        await reader.CloseAsync();
        var tick = await session.LoadAsync<ReportSchedule>(Reports.Daily.HourlyWakeUp.TickId, ct);
        // The chain keeps real time (so does its overdue measure), whatever a demo's clock says.
        var overdue = tick?.NextRunAt is { } next ? TimeProvider.System.GetUtcNow() - next : (TimeSpan?)null;
        return new BackgroundLag(Positive(daemon), Positive(sealer), overdue is { } o ? Positive(o) : null, Positive(aggregates));
    }

    private static TimeSpan Positive(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
