using Microsoft.AspNetCore.DataProtection;
using EventHr.Projections.Tallies;

namespace EventHr.Api.Infrastructure;

public static class Services
{
    public static IServiceCollection AddEventHrServices(this IServiceCollection services, string schema, string connectionString, IConfiguration config)
    {
        services.AddSingleton(new TallyLedger(schema));
        services.AddSingleton(new GroupAggregates(schema));
        services.AddSingleton(new EventHr.Projections.Staff.StaffPeriods(schema));
        services.AddSingleton(new EventHr.Projections.Staff.Roster(schema));
        services.AddSingleton(new Projections.Staff.EmployeeFacts(schema));
        services.AddSingleton(new Projections.Cases.OpenCaseIndex(schema));
        services.AddSingleton(new Projections.Audit.StoredEvents(schema));
        services.AddSingleton(new Projections.Audit.EvidenceTallies(schema));
        services.AddSingleton(new Projections.Audit.StreamSealer(schema, Npgsql.NpgsqlDataSource.Create(connectionString)));
        services.AddSingleton<Evidence.EvidenceReader>();
        services.AddSingleton<Evidence.Pdf.EvidenceFonts>();
        services.AddSingleton<Evidence.EvidencePdf>();
        services.AddSingleton<Rules.RuleTriggers>();
        services.AddHostedService<Reports.Daily.WakeUpAtStart>();
        // Webhook secrets are encrypted with these keys; nodes that share a database share a keys folder (or another key store).
        var keys = services.AddDataProtection().SetApplicationName("EventHr");
        if (config["EventHr:DataProtection:KeysPath"] is { } path) keys.PersistKeysToFileSystem(new DirectoryInfo(path));
        services.AddSingleton<Notifications.WebhookAddresses>();
        services.AddHttpClient(Notifications.WebhookDelivery.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<Notifications.WebhookAddresses>().Handler());
        return services;
    }
}
