using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Runtime;
using Wolverine.Http;

namespace EventHr.Api.Health;

public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Checks);

public static class HealthEndpoints
{
    /// <summary>Live while the process runs (no dependency is asked).</summary>
    [WolverineGet("/health/live", OperationId = "live"), AllowAnonymous]
    [Tags("Health")]
    public static HealthReport Live() => new("live", new Dictionary<string, string>());

    /// <summary>
    /// Ready when PostgreSQL answers, the event store schema exists, Wolverine's agents run, and the background work
    /// is within its limits: the daemon's high-water mark, the hash-chain sealer, the group views' aggregates and the
    /// hourly 09:00 chain (EventHr:Health:MaxDaemonLag, MaxSealerLag, MaxAggregatesLag, MaxReportChainDelay). A check
    /// that fails says by how much.
    /// </summary>
    [WolverineGet("/health/ready", OperationId = "ready"), AllowAnonymous, ProducesResponseType<HealthReport>(200), ProducesResponseType<HealthReport>(503)]
    [Tags("Health")]
    public static async Task<IResult> Ready(IDocumentStore store, IWolverineRuntime runtime, IConfiguration config, CancellationToken ct)
    {
        var checks = new Dictionary<string, string>();
        var failed = new List<string>();
        try
        {
            await using var conn = new NpgsqlConnection(store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("select to_regclass(@t) is not null", conn);
            cmd.Parameters.AddWithValue("t", $"{store.Options.Events.DatabaseSchemaName}.mt_events");
            checks["postgresql"] = "reachable";
            var applied = (bool)(await cmd.ExecuteScalarAsync(ct))!;
            checks["schema"] = applied ? "applied" : "missing";
            if (!applied) failed.Add("schema");
            else
            {
                await using var session = store.QuerySession();
                var lag = await BackgroundLag.ReadAsync(conn, session, store.Options.Events.DatabaseSchemaName, ct);
                var limits = BackgroundLag.Limits.From(config);
                Judge("daemon", lag.Daemon, limits.Daemon, "behind the newest event");
                Judge("sealer", lag.Sealer, limits.Sealer, "behind the newest event");
                Judge("aggregates", lag.Aggregates, limits.Aggregates, "behind the newest event");
                if (lag.ReportChain is { } overdue) Judge("reports", overdue, limits.ReportChain, "overdue: the hourly wake-up");
                else checks["reports"] = "no wake-up booked yet";
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            checks["postgresql"] = $"unreachable: {e.Message}";
            failed.Add("postgresql");
        }
        checks["messaging"] = runtime.Cancellation.IsCancellationRequested ? "stopped" : "running";
        if (checks["messaging"] != "running") failed.Add("messaging");
        return failed.Count == 0 ? Results.Ok(new HealthReport("ready", checks))
            : Results.Json(new HealthReport("not-ready", checks), statusCode: StatusCodes.Status503ServiceUnavailable);

        void Judge(string name, TimeSpan behind, TimeSpan limit, string what)
        {
            var within = behind <= limit;
            checks[name] = within ? (behind < TimeSpan.FromSeconds(1) ? "current" : $"{Seconds(behind)} s {what}, within {Seconds(limit)} s")
                : $"{Seconds(behind)} s {what}, over the {Seconds(limit)} s limit";
            if (!within) failed.Add(name);
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
