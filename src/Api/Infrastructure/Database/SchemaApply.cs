using EventHr.Projections.Audit;
using Marten;
using Npgsql;
using Wolverine.Runtime;

namespace EventHr.Api.Infrastructure.Database;

/// <summary>
/// <c>dotnet EventHr.Api.dll schema apply</c>, run by the schema's owner before the API starts as its runtime role
/// (./ops/run, ./ops/test): Marten's tables and functions with the append-only triggers among them, Wolverine's queues, and the
/// runtime role's grants (<c>EventHr:Database:RuntimeRole</c>). Safe to run again: each step only adds what is missing.
/// </summary>
public static class SchemaApply
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration config, CancellationToken ct)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await services.GetRequiredService<IWolverineRuntime>().Storage.Admin.MigrateAsync();

        var schema = store.Options.DatabaseSchemaName;
        await using var conn = new NpgsqlConnection(config.GetConnectionString("EventHr"));
        await conn.OpenAsync(ct);
        await AppendOnlyGuard.DropLegacyTriggersAsync(conn, schema, ct);
        var role = config["EventHr:Database:RuntimeRole"];
        if (!string.IsNullOrWhiteSpace(role)) await RuntimeRole.GrantAsync(conn, schema, role, ct);

        Console.WriteLine($"Applied the {schema} schema" + (string.IsNullOrWhiteSpace(role) ? "" : $"; {role} may read and append, not rewrite"));
        return 0;
    }
}
