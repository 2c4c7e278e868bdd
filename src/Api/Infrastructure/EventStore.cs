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
        // The sealer reads the stored rows of each range itself, so the daemon is asked to load only one
        // small, rare event type for it: its pages stay cheap, and their ranges still cover every event.
        o.Events.Subscribe(new EventSealer(schema, NpgsqlDataSource.Create(connectionString), [typeof(Domain.Evidence.EvidenceExported)]));
    }

    /// <summary>
    /// Stable names stored with each event: renaming a C# class must never orphan history that a
    /// tribunal may ask for years later (G11).
    /// </summary>
    private static List<Type> MapEventNames(StoreOptions o)
    {
        var types = new List<Type>();
        void Map<T>(string name) where T : class
        {
            o.Events.MapEventType<T>(name);
            types.Add(typeof(T));
        }

        Map<BrandRegistered>("brand_registered");
        Map<BrandProfileRevised>("brand_profile_revised");
        Map<PostDefined>("post_defined");
        Map<PostRevised>("post_revised");
        Map<StandardPublished>("standard_published");
        Map<EmployeeHired>("employee_hired");
        Map<StandardAcknowledged>("standard_acknowledged");
        Map<ProtectionRecorded>("protection_recorded");
        Map<TalliesRecorded>("tallies_recorded");
        Map<PostChanged>("post_changed");
        Map<SalaryChanged>("salary_changed");
        Map<EmploymentEnded>("employment_ended");

        Map<PerformanceCaseOpened>("case_opened");
        Map<WarningRaised>("warning_raised");
        Map<BreachAttached>("breach_attached");
        Map<ConversationNoted>("conversation_noted");
        Map<PipDrafted>("pip_drafted");
        Map<PipSet>("pip_set");
        Map<PipAcknowledged>("pip_acknowledged");
        Map<PipAssessed>("pip_assessed");
        Map<PipPassed>("pip_passed");
        Map<PipExtended>("pip_extended");
        Map<IncompetenceFound>("incompetence_found");
        Map<TrainingAssigned>("training_assigned");
        Map<TrainingCompleted>("training_completed");
        Map<EmployeeReassigned>("employee_reassigned");
        Map<PayAdjusted>("pay_adjusted");
        Map<AssessmentDataMissing>("assessment_data_missing");
        Map<EmploymentTerminated>("employment_terminated");

        Map<Domain.Alerts.AlertRuleSet>("alert_rule_set");
        Map<Domain.Alerts.AlertOpened>("alert_opened");
        Map<Domain.Alerts.AlertClosed>("alert_closed");
        Map<Domain.Notifications.WebhookChannelDefined>("webhook_channel_defined");
        Map<Domain.Evidence.EvidenceExported>("evidence_exported");
        return types;
    }
}
