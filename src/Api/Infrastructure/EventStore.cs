using EventHr.Domain.Cases;
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
        o.DatabaseSchemaName = schema;
        o.Events.StreamIdentity = StreamIdentity.AsString;
        o.Events.UseListenNotifyForEventAppends = true;
        o.Events.MetadataConfig.CorrelationIdEnabled = true;
        o.Events.MetadataConfig.CausationIdEnabled = true;
        o.Events.MetadataConfig.HeadersEnabled = true;
        o.Events.MetadataConfig.UserNameEnabled = true;

        MapEventNames(o);

        o.Projections.Add<BrandProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<PostProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<StandardProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<EmployeeProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<PerformanceCaseProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<NotificationProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<WebhookChannelProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<Projections.Alerts.AlertProjection>(ProjectionLifecycle.Inline);
        o.Projections.Add<Projections.Alerts.AlertRuleBookProjection>(ProjectionLifecycle.Inline);
        o.Schema.For<Domain.Alerts.Alert>().Duplicate(x => x.Kind).Duplicate(x => x.Status);
        o.Schema.For<PerformanceCase>().Duplicate(x => x.EmployeeId).Duplicate(x => x.Department);
        o.Schema.For<Notification>().Duplicate(x => x.Recipient).Duplicate(x => x.CaseId!);
        o.Schema.For<Domain.Reports.DailyReport>().Duplicate(x => x.Department);
        o.Schema.For<Domain.Reports.ReportSchedule>();
        o.Schema.For<Api.Notifications.WebhookDelivered>();
        o.Schema.For<Employee>().Index(x => x.EmployeeId).Duplicate(x => x.Department).Duplicate(x => x.BrandId).Duplicate(x => x.PostId);

        o.Storage.ExtendedSchemaObjects.Add(new TallyLedger(schema).Definition());

        // Integrity: every event is sealed into its stream's hash chain after commit (issue 4).
        o.Storage.ExtendedSchemaObjects.Add(EventHashTable.Definition(schema));
        o.Events.Subscribe(new EventSealer(schema, NpgsqlDataSource.Create(connectionString)));
    }

    /// <summary>
    /// Stable names stored with each event: renaming a C# class must never orphan history that a
    /// tribunal may ask for years later (G11).
    /// </summary>
    private static void MapEventNames(StoreOptions o)
    {
        o.Events.MapEventType<BrandRegistered>("brand_registered");
        o.Events.MapEventType<BrandProfileRevised>("brand_profile_revised");
        o.Events.MapEventType<PostDefined>("post_defined");
        o.Events.MapEventType<PostRevised>("post_revised");
        o.Events.MapEventType<StandardPublished>("standard_published");
        o.Events.MapEventType<EmployeeHired>("employee_hired");
        o.Events.MapEventType<StandardAcknowledged>("standard_acknowledged");
        o.Events.MapEventType<ProtectionRecorded>("protection_recorded");
        o.Events.MapEventType<TalliesRecorded>("tallies_recorded");
        o.Events.MapEventType<PostChanged>("post_changed");
        o.Events.MapEventType<SalaryChanged>("salary_changed");
        o.Events.MapEventType<EmploymentEnded>("employment_ended");

        o.Events.MapEventType<PerformanceCaseOpened>("case_opened");
        o.Events.MapEventType<WarningRaised>("warning_raised");
        o.Events.MapEventType<BreachAttached>("breach_attached");
        o.Events.MapEventType<ConversationNoted>("conversation_noted");
        o.Events.MapEventType<PipDrafted>("pip_drafted");
        o.Events.MapEventType<PipSet>("pip_set");
        o.Events.MapEventType<PipAcknowledged>("pip_acknowledged");
        o.Events.MapEventType<PipAssessed>("pip_assessed");
        o.Events.MapEventType<PipPassed>("pip_passed");
        o.Events.MapEventType<PipExtended>("pip_extended");
        o.Events.MapEventType<IncompetenceFound>("incompetence_found");
        o.Events.MapEventType<TrainingAssigned>("training_assigned");
        o.Events.MapEventType<TrainingCompleted>("training_completed");
        o.Events.MapEventType<EmployeeReassigned>("employee_reassigned");
        o.Events.MapEventType<PayAdjusted>("pay_adjusted");
        o.Events.MapEventType<AssessmentDataMissing>("assessment_data_missing");
        o.Events.MapEventType<EmploymentTerminated>("employment_terminated");

        o.Events.MapEventType<Domain.Alerts.AlertRuleSet>("alert_rule_set");
        o.Events.MapEventType<Domain.Alerts.AlertOpened>("alert_opened");
        o.Events.MapEventType<Domain.Alerts.AlertClosed>("alert_closed");
        o.Events.MapEventType<Domain.Notifications.WebhookChannelDefined>("webhook_channel_defined");
        o.Events.MapEventType<Domain.Evidence.EvidenceExported>("evidence_exported");
    }
}
