using EventHr.Domain.Alerts;
using EventHr.Domain.Cases;
using EventHr.Domain.Events;
using EventHr.Domain.Notifications;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Domain.Tallies;
using EventHr.Projections.Audit;
using EventHr.Projections.Cases;
using EventHr.Projections.Notifications;
using EventHr.Projections.Organisation;
using EventHr.Projections.Staff;
using EventHr.Projections.Standards;
using EventHr.Projections.Tallies;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace EventHr.Api.Infrastructure;

/// <summary>Marten configuration: event names, metadata, projections, extra tables.</summary>
public static class EventStore
{
    public static void Configure(StoreOptions o, string connectionString, string schema)
    {
        o.Connection(connectionString);
        // The two subscriptions read and write on connections of their own, from one pool.
        var subscriptions = NpgsqlDataSource.Create(connectionString);
        o.DatabaseSchemaName = schema;
        o.Events.StreamIdentity = StreamIdentity.AsString;
        o.Events.UseListenNotifyForEventAppends = true;
        o.Events.MetadataConfig.CorrelationIdEnabled = true;
        o.Events.MetadataConfig.CausationIdEnabled = true;
        o.Events.MetadataConfig.HeadersEnabled = true;
        o.Events.MetadataConfig.UserNameEnabled = true;
        // Marten's own spans and meters (connections, appends), and the business meter's committed facts.
        o.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
        o.OpenTelemetry.TrackEventCounters();
        o.Listeners.Add(new Telemetry.CommittedFacts());

        // Stable names stored with each event (G11), from the one catalogue of event types.
        foreach (var e in EventCatalogue.All) o.Events.MapEventType(e.Type, e.Name);

        // Each state is folded inline by its own Create/Apply methods (Domain.Events.Fold replays with the same). The
        // projection classes only pass events on: Marten 9 dispatches to Apply methods through code its source generator
        // writes in the projection's assembly, and Domain stays free of the event store's packages.
        o.Projections.Add<BrandProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<PostProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<StandardProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<EmployeeProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<PerformanceCaseProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<NotificationProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<WebhookChannelProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<Projections.Alerts.AlertProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<Projections.Alerts.AlertRuleBookProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<Projections.Law.LawFigureBookProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<Projections.Law.PayrollRecordProjection>(ProjectionLifecycle.Inline);
        o.Schema.For<Alert>().Duplicate(x => x.Kind).Duplicate(x => x.Status);
        o.Schema.For<PerformanceCase>().Duplicate(x => x.EmployeeId).Duplicate(x => x.Department);
        o.Schema.For<Notification>().Duplicate(x => x.Recipient).Duplicate(x => x.CaseId!);
        o.Schema.For<Domain.Reports.DailyReport>().Duplicate(x => x.Department);
        // Versioned: two nodes running the same hour's chain or a brand's reports at once cannot both commit (one retries).
        o.Schema.For<Domain.Reports.ReportSchedule>().UseOptimisticConcurrency(true);
        o.Schema.For<Api.Notifications.WebhookDelivered>();
        o.Schema.For<Api.Notifications.WebhookAddress>();
        o.Schema.For<Employee>().Index(x => x.EmployeeId).Duplicate(x => x.Department).Duplicate(x => x.BrandId).Duplicate(x => x.PostId);

        o.Storage.ExtendedSchemaObjects.Add(new TallyLedger(schema).Definition());
        // The group views' aggregates, kept by a subscription as the events land (issue 14).
        o.Storage.ExtendedSchemaObjects.AddRange(new GroupAggregates(schema).Definitions());
        o.Events.Subscribe(new GroupAggregatesSubscription(schema, subscriptions, [typeof(Domain.Evidence.EvidenceExported)]));

        // Integrity: every event is sealed into its stream's hash chain after commit (issue 4).
        o.Storage.ExtendedSchemaObjects.Add(EventHashTable.Definition(schema));
        // G11: the event and seal tables refuse UPDATE, DELETE and TRUNCATE (applied after both tables, which they guard).
        o.Storage.Add(new AppendOnlyGuard(schema));
        // The sealer reads the stored rows of each range itself, so the daemon is asked to load only one
        // small, rare event type for it: its pages stay cheap, and their ranges still cover every event.
        o.Events.Subscribe(new EventSealer(schema, subscriptions, [typeof(Domain.Evidence.EvidenceExported)]));
    }
}
