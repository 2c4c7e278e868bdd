using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace EventHr.Api.Tests.Support;

/// <summary>
/// The API in-process, configured as in Production (environment Test: the same, with the settable clock), over the real PostgreSQL that ./ops/test prepares (EVENTHR_TEST_DB, recreated
/// per run). Tests share one host and keep apart by using ids of their own, so no test sees another's
/// data and nothing needs resetting between them.
/// </summary>
public sealed class AppFixture : IAsyncLifetime, IApi
{
    public const string Schema = "eventhr_tests";

    /// <summary>What the hosts connect as: the runtime role, which reads and appends but cannot rewrite history.</summary>
    public static string ConnectionString => Database.Runtime;

    /// <summary>How long after a (past) plan deadline the wall-clock escalation fires in tests.</summary>
    public static readonly TimeSpan NoDataGrace = TimeSpan.FromSeconds(6);

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The shared host's clock: a test moves it to when each step of its story happens.</summary>
    public EventHr.Api.Infrastructure.SettableClock Clock => (EventHr.Api.Infrastructure.SettableClock)Host.Services.GetRequiredService<TimeProvider>();

    public void MoveClock(DateTimeOffset instant) => Clock.MoveTo(instant);

    public DateTimeOffset ClockNow => Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        Host = await StartShared();
    }

    private static Task<IAlbaHost> StartShared() =>
        Start(null, Schema, solo: true, s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(CapturedLogs.Log));

    /// <summary>Stops the API and starts it again on the same database, as a deployment or a crash would.</summary>
    public async Task Restart()
    {
        await Host.DisposeAsync();
        Host = await StartShared();
    }

    /// <summary>A host of the API on a database of the test server (by default the shared test database).</summary>
    public static Task<IAlbaHost> Start(string? database = null) => Start(database, Schema, solo: true, _ => { });

    /// <summary>
    /// A host as the shared one is, on a schema of one's choosing; <paramref name="solo"/> false runs it as a node of a
    /// cluster (Wolverine's Balanced mode, as deployed), with timings short enough for a test.
    /// </summary>
    public static async Task<IAlbaHost> Start(string? database, string schema, bool solo, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> services)
    {
        await Provision(schema, database);
        return await AlbaHost.For<Program>(x =>
        {
            x.UseSetting("EventHr:Database:ApplySchemaOnStart", (!Database.LeastPrivilege).ToString());
            // As deployed (Test behaves as Production: a signing key of its own, no development key, https-only public
            // webhooks, no Swagger UI) but with the settable clock, so that stories are walked day by day in order.
            // The loopback test robots are allowed by name.
            x.UseEnvironment("Test");
            x.UseSetting("EventHr:Clock:Start", DateTimeOffset.UtcNow.ToString("O"));
            x.UseSetting("Auth:SigningKey", Tokens.Key);
            x.UseSetting("EventHr:Webhooks:AllowedHosts:0", "127.0.0.1");
            // This machine resolves no public names; a deployment would check the robot host's addresses.
            x.UseSetting("EventHr:Webhooks:AllowedHosts:1", "oapi.dingtalk.com");
            x.UseSetting("ConnectionStrings:EventHr", database is null ? ConnectionString : Database.On(ConnectionString, database));
            x.UseSetting("EventHr:Schema", schema);
            x.UseSetting("EventHr:Cases:NoDataGrace", NoDataGrace.ToString());
            // Stories walk one-week plans to stay short; the 14-day and 10-day defaults are the Domain tests' (G12).
            x.UseSetting("EventHr:Cases:Law:MinPlanDays", "7");
            x.UseSetting("EventHr:Cases:Rules:MinTalliedDays", "5");
            // The tests share a few users; the limits themselves are tested on a host of their own.
            x.UseSetting("EventHr:RateLimits:ExpensivePerMinute", "100000");
            x.UseSetting("EventHr:RateLimits:IngestPerMinute", "100000");
            if (!solo)
            {
                x.UseSetting("EventHr:Nodes:HealthCheckSeconds", "1");
                x.UseSetting("EventHr:Nodes:FirstHealthCheckSeconds", "0.2");
                x.UseSetting("EventHr:Nodes:CheckAssignmentSeconds", "1");
                x.UseSetting("EventHr:Nodes:StaleNodeSeconds", "5");
            }
            x.ConfigureServices(s =>
            {
                s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(DroppedEnvelopes.Log);
                if (solo)
                {
                    s.RunWolverineInSoloMode();
                    s.DisableAllExternalWolverineTransports();
                }
                services(s);
            });
        });
    }

    /// <summary>The owner applies the schema the host will run on, as ./ops/run does before it starts the API.</summary>
    private static Task Provision(string schema, string? database = null) =>
        Database.LeastPrivilege ? Database.Provision(schema, database) : Task.CompletedTask;

    /// <summary>
    /// A second API beside the shared one, on a schema of its own (so it shares no data or messages with
    /// it), configured as a test needs: another environment, small limits, a set clock.
    /// </summary>
    public static async Task<IAlbaHost> StartSeparate(string schema, IReadOnlyDictionary<string, string> settings, string environment = "Development")
    {
        await Provision(schema);
        return await AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment(environment);
            x.UseSetting("EventHr:Database:ApplySchemaOnStart", (!Database.LeastPrivilege).ToString());
            x.UseSetting("Auth:SigningKey", Tokens.Key);
            x.UseSetting("ConnectionStrings:EventHr", ConnectionString);
            x.UseSetting("EventHr:Schema", schema);
            foreach (var (key, value) in settings) x.UseSetting(key, value);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>An API to speak to (one host, or one node of several) and the clock its stories move.</summary>
public interface IApi
{
    IAlbaHost Host { get; }

    /// <summary>From now on the API's clock (every node's) reads this instant.</summary>
    void MoveClock(DateTimeOffset instant);

    DateTimeOffset ClockNow { get; }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}
