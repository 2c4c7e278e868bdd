using System.Net;
using System.Net.Http.Headers;
using EventHr.Api.Tests.Support;
using Npgsql;

namespace EventHr.Api.Tests;

/// <summary>A database that cannot be reached is the service being unavailable for a moment, not a server fault.</summary>
[Collection(AppCollection.Name)]
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task while_the_database_refuses_connections_requests_get_503_with_retry_after_and_recover_after()
    {
        var name = "eventhr_outage_" + Guid.NewGuid().ToString("N")[..8];
        var admin = Database.Admin;
        await Sql(admin, $"CREATE DATABASE {name} OWNER {Database.User(Database.Owner)}");
        try
        {
            await using (var host = await AppFixture.Start(name))
            {
                var client = host.Server.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("hr-li", "hr"));
                (await client.PutAsync("/api/brands/b1", Json("""{ "name": "B", "tier": "mid" }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);

                await Sql(admin, $"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false");
                await Sql(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
                var write = await client.PutAsync("/api/brands/b2", Json("""{ "name": "B", "tier": "mid" }"""));
                var read = await client.GetAsync("/api/brands/b1");

                foreach (var answer in new[] { write, read })
                {
                    ((int)answer.StatusCode).ShouldBe(503, await answer.Content.ReadAsStringAsync());
                    answer.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
                    answer.Headers.RetryAfter.ShouldNotBeNull();
                }

                await Sql(admin, $"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true");
                await Eventually.Get(async () => (await client.GetAsync("/api/brands/b1")).StatusCode, s => s == HttpStatusCode.OK, "the API to recover");
                (await client.GetAsync("/api/brands/b2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);   // the refused write left nothing
            }
        }
        finally
        {
            await Sql(admin, $"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true");
            await Sql(admin, $"DROP DATABASE {name} WITH (FORCE)");
        }
    }

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    private static Task Sql(string connectionString, string sql) => Database.Sql(connectionString, sql);
}
