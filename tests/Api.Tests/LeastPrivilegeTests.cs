using EventHr.Api.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EventHr.Api.Tests;

/// <summary>
/// The API connects as a runtime role that reads and appends but cannot rewrite history (issue 11): the privileges
/// refuse it, before the append-only triggers would. Only the schema's owner could switch those off, and the API
/// does not hold the owner's credentials.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LeastPrivilegeTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    public static TheoryData<string> Rewrites()
    {
        var data = new TheoryData<string>();
        foreach (var (table, guard) in new[] { ("mt_events", "eventhr_events_no_update"), ("event_hashes", "eventhr_seals_no_update") })
        {
            data.Add($"update {{schema}}.{table} set seq_id = seq_id");
            data.Add($"delete from {{schema}}.{table}");
            data.Add($"truncate {{schema}}.{table}");
            data.Add($"alter table {{schema}}.{table} disable trigger {guard}");
            data.Add($"alter table {{schema}}.{table} disable trigger all");
            data.Add($"drop trigger {guard} on {{schema}}.{table}");
            data.Add($"drop table {{schema}}.{table}");
        }
        data.Add("create or replace function {schema}.eventhr_append_only() returns trigger language plpgsql as $$ begin return new; end $$");
        data.Add("set session_replication_role = replica");
        return data;
    }

    [Theory, MemberData(nameof(Rewrites))]
    public async Task the_runtime_role_is_refused(string sql)
    {
        Database.LeastPrivilege.ShouldBeTrue("the test hosts run as the schema's owner: on a server of your own set EVENTHR_RUNTIME_DB to a role without ownership");

        var refused = await Should.ThrowAsync<PostgresException>(() => InRolledBackTransaction(Database.Runtime, sql));

        refused.SqlState.ShouldBe("42501");   // insufficient privilege …
        refused.MessageText.ShouldMatch("permission denied|must be owner", customMessage: sql);   // … from PostgreSQL itself, not the trigger
    }

    [Fact]
    public async Task the_api_runs_as_the_runtime_role_and_appends_and_reads_as_it()
    {
        var brand = _api.Id("brand");
        await _api.Ok(HttpMethod.Put, $"/api/brands/{brand}", new { name = "最小权限", tier = "mid" });

        await using var conn = fixture.Host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"select current_user::text, (select count(*) from {AppFixture.Schema}.mt_events where stream_id = @stream)", conn);
        cmd.Parameters.AddWithValue("stream", $"brand:{brand}");
        await using var row = await cmd.ExecuteReaderAsync();
        await row.ReadAsync();

        row.GetString(0).ShouldBe(Database.User(Database.Runtime));
        row.GetString(0).ShouldNotBe(Database.User(Database.Owner));
        row.GetInt64(1).ShouldBe(1);
    }

    private static async Task InRolledBackTransaction(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand(sql.Replace("{schema}", AppFixture.Schema), conn, tx);
        try { await cmd.ExecuteNonQueryAsync(); }
        finally { await tx.RollbackAsync(); }
    }
}
