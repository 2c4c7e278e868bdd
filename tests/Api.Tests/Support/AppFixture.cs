using Alba;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace EventHr.Api.Tests.Support;

/// <summary>
/// The API in-process over the real PostgreSQL that ./ops/test prepares (EVENTHR_TEST_DB). Tests
/// share one host and keep apart by using ids of their own, so no test sees another's data.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Schema = "eventhr_tests";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("EVENTHR_TEST_DB")
        ?? "Host=127.0.0.1;Port=5433;Database=eventhr_test;Username=postgres";

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(x =>
        {
            x.UseSetting("ConnectionStrings:EventHr", ConnectionString);
            x.UseSetting("EventHr:Schema", Schema);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });
        await Host.Services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}
