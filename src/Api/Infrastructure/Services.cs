using EventHr.Projections.Tallies;

namespace EventHr.Api.Infrastructure;

public static class Services
{
    public static IServiceCollection AddEventHrServices(this IServiceCollection services, string schema, string connectionString)
    {
        services.AddSingleton(new TallyLedger(schema));
        services.AddSingleton(new Projections.Staff.EmployeeFacts(schema));
        services.AddSingleton(new Projections.Cases.OpenCaseIndex(schema));
        services.AddSingleton(new Projections.Audit.StoredEvents(schema));
        services.AddSingleton(new Projections.Audit.EvidenceTallies(schema));
        services.AddSingleton(new Projections.Audit.StreamSealer(schema, Npgsql.NpgsqlDataSource.Create(connectionString)));
        services.AddSingleton<Evidence.EvidenceReader>();
        services.AddSingleton<Evidence.Pdf.EvidenceFonts>();
        services.AddSingleton<Evidence.EvidencePdf>();
        services.AddSingleton<Rules.RuleTriggers>();
        services.AddHostedService<AppendOnlyStart>();
        services.AddHostedService<Reports.Daily.WakeUpAtStart>();
        services.AddHttpClient(Notifications.WebhookDelivery.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
