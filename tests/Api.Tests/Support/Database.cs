using System.Collections.Concurrent;
using Npgsql;

namespace EventHr.Api.Tests.Support;

/// <summary>
/// The test server's roles, as ./ops/test prepares them: the owner applies each host's schema (schema apply, the
/// command ./ops/run uses), the hosts connect as the runtime role, and the operator (the cluster's superuser) makes
/// and breaks databases. On a server of your own (EVENTHR_DB) one role may play all three.
/// </summary>
public static class Database
{
    public static string Runtime =>
        Environment.GetEnvironmentVariable("EVENTHR_TEST_DB") ?? "Host=127.0.0.1;Port=5433;Database=eventhr_test;Username=eventhr_app";

    public static string Owner =>
        Environment.GetEnvironmentVariable("EVENTHR_TEST_OWNER_DB") ?? "Host=127.0.0.1;Port=5433;Database=eventhr_test;Username=eventhr_owner";

    public static string Admin =>
        Environment.GetEnvironmentVariable("EVENTHR_TEST_ADMIN_DB")
        ?? (Environment.GetEnvironmentVariable("EVENTHR_TEST_OWNER_DB") is { } owner
            ? new NpgsqlConnectionStringBuilder(owner) { Database = "postgres", Pooling = false }.ConnectionString
            : "Host=127.0.0.1;Port=5433;Database=postgres;Username=postgres;Pooling=false");

    /// <summary>True when the hosts run as a role other than the schema's owner.</summary>
    public static bool LeastPrivilege => User(Runtime) != User(Owner);

    public static string User(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Username ?? "";

    public static string On(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static readonly ConcurrentDictionary<string, Lazy<Task>> Applied = new();

    /// <summary>Applies the API's schema in a database (by default the test one) as its owner, once per run.</summary>
    public static Task Provision(string schema, string? database = null)
    {
        var owner = database is null ? Owner : On(Owner, database);
        return Applied.GetOrAdd($"{owner}|{schema}", _ => new Lazy<Task>(() => ApplySchema(owner, schema))).Value;
    }

    private static async Task ApplySchema(string owner, string schema)
    {
        var settings = ApiCommand.AsOwner(owner, schema);
        settings["EventHr__Database__RuntimeRole"] = User(Runtime);
        var (exit, output) = await ApiCommand.Run(settings, "schema", "apply");
        if (exit != 0) throw new InvalidOperationException($"schema apply of {schema} failed ({exit}): {output}");
    }

    public static async Task Sql(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
