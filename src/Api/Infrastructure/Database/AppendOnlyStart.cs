using EventHr.Projections.Audit;
using Marten;
using Npgsql;

namespace EventHr.Api.Infrastructure.Database;

/// <summary>
/// Where the API applies its own schema (EventHr:Database:ApplySchemaOnStart, the default, for a database it owns):
/// installs the append-only triggers once Marten has applied the schema (hosted services start in order).
/// </summary>
public sealed class AppendOnlyStart(IDocumentStore store, IConfiguration config) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var conn = new NpgsqlConnection(config.GetConnectionString("EventHr"));
        await conn.OpenAsync(ct);
        await AppendOnlyGuard.InstallAsync(conn, store.Options.DatabaseSchemaName, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
