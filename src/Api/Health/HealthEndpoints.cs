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

    /// <summary>Ready when PostgreSQL answers, the event store schema exists and Wolverine's agents run.</summary>
    [WolverineGet("/health/ready", OperationId = "ready"), AllowAnonymous, ProducesResponseType<HealthReport>(200), ProducesResponseType<HealthReport>(503)]
    [Tags("Health")]
    public static async Task<IResult> Ready(IDocumentStore store, IWolverineRuntime runtime, CancellationToken ct)
    {
        var checks = new Dictionary<string, string>();
        try
        {
            await using var conn = new NpgsqlConnection(store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("select to_regclass(@t) is not null", conn);
            cmd.Parameters.AddWithValue("t", $"{store.Options.Events.DatabaseSchemaName}.mt_events");
            checks["postgresql"] = "reachable";
            checks["schema"] = (bool)(await cmd.ExecuteScalarAsync(ct))! ? "applied" : "missing";
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            checks["postgresql"] = $"unreachable: {e.Message}";
        }
        checks["messaging"] = runtime.Cancellation.IsCancellationRequested ? "stopped" : "running";
        var ready = checks.GetValueOrDefault("schema") == "applied" && checks["messaging"] == "running";
        return ready ? Results.Ok(new HealthReport("ready", checks))
            : Results.Json(new HealthReport("not-ready", checks), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
