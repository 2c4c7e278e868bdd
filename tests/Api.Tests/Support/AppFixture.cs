using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace EventHr.Api.Tests.Support;

/// <summary>
/// The API in-process over the real PostgreSQL that ./ops/test prepares (EVENTHR_TEST_DB, recreated
/// per run). Tests share one host and keep apart by using ids of their own, so no test sees another's
/// data and nothing needs resetting between them.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Schema = "eventhr_tests";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("EVENTHR_TEST_DB")
        ?? "Host=127.0.0.1;Port=5433;Database=eventhr_test;Username=postgres";

    /// <summary>How long after a (past) plan deadline the wall-clock escalation fires in tests.</summary>
    public static readonly TimeSpan NoDataGrace = TimeSpan.FromSeconds(6);

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        Host = await Start();
    }

    /// <summary>Stops the API and starts it again on the same database, as a deployment or a crash would.</summary>
    public async Task Restart()
    {
        await Host.DisposeAsync();
        Host = await Start();
    }

    /// <summary>A host of the API on a database of the test server (by default the shared test database).</summary>
    public static async Task<IAlbaHost> Start(string? connectionString = null) =>
        await AlbaHost.For<Program>(x =>
        {
            x.UseSetting("ConnectionStrings:EventHr", connectionString ?? ConnectionString);
            x.UseSetting("EventHr:Schema", Schema);
            x.UseSetting("EventHr:Cases:NoDataGrace", NoDataGrace.ToString());
            // The tests share a few users; the limits themselves are tested on a host of their own.
            x.UseSetting("EventHr:RateLimits:ExpensivePerMinute", "100000");
            x.UseSetting("EventHr:RateLimits:IngestPerMinute", "100000");
            x.ConfigureServices(s =>
            {
                s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(DroppedEnvelopes.Log);
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });

    /// <summary>
    /// A second API beside the shared one, on a schema of its own (so it shares no data or messages with
    /// it), configured as a test needs: another environment, small limits, a set clock.
    /// </summary>
    public static async Task<IAlbaHost> StartSeparate(string schema, IReadOnlyDictionary<string, string> settings, string environment = "Development") =>
        await AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment(environment);
            x.UseSetting("ConnectionStrings:EventHr", ConnectionString);
            x.UseSetting("EventHr:Schema", schema);
            foreach (var (key, value) in settings) x.UseSetting(key, value);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}
