using Npgsql;

namespace EventHr.Api.Tests.Support;

/// <summary>What someone with database access might do behind the application's back.</summary>
public static class Tamper
{
    public static async Task<int> Sql(string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(AppFixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql.Replace("{schema}", AppFixture.Schema), conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteNonQueryAsync();
    }
}
