using Npgsql;

namespace EventHr.Api.Tests.Support;

/// <summary>What someone with database access might do behind the application's back.</summary>
public static class Tamper
{
    /// <summary>
    /// Runs SQL as a superuser who first switches triggers off (<c>session_replication_role = replica</c>):
    /// the append-only triggers stop everyone else, and this is the attack the hash chain must still reveal.
    /// </summary>
    public static async Task<int> Sql(string sql, params (string Name, object Value)[] parameters) =>
        await Run("set session_replication_role = replica; " + sql, parameters, Superuser);

    /// <summary>Runs SQL as an ordinary session of the schema's owner (triggers on).</summary>
    public static async Task<int> Run(string sql, params (string Name, object Value)[] parameters) =>
        await Run(sql, parameters, Database.Owner);

    private static string Superuser =>
        Database.On(Database.Admin, new NpgsqlConnectionStringBuilder(Database.Runtime).Database!);

    private static async Task<int> Run(string sql, (string Name, object Value)[] parameters, string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql.Replace("{schema}", AppFixture.Schema), conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteNonQueryAsync();
    }
}
