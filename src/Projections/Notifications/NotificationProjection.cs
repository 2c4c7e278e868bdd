using EventHr.Domain.Cases;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace EventHr.Projections.Notifications;

/// <summary>
/// Writes notifications in the same transaction as the event that calls for them, so a warning is
/// stored the moment it is raised and never twice: the id derives from the case and the fact (the
/// event's global sequence is not known yet while an inline projection runs).
/// </summary>
public partial class NotificationProjection : EventProjection
{
    public void Project(IEvent<WarningRaised> e, IDocumentOperations ops)
    {
        foreach (var recipient in e.Data.Recipients)
            ops.Store(new Notification($"{e.Data.CaseId}:warning:{recipient}", recipient, "performance-warning", e.Data.CaseId,
                e.Data.EmployeeId, e.Data.Message, e.Data.BusinessDate, e.Data.RaisedAt));
    }

    /// <summary>Smart alerts go to group HR.</summary>
    public void Project(IEvent<Domain.Alerts.AlertOpened> e, IDocumentOperations ops) =>
        ops.Store(new Notification($"{e.Data.AlertId}:opened:{GroupHr}", GroupHr, $"alert-{e.Data.Kind}", null, null, e.Data.Message,
            null, e.Data.OpenedAt));

    public const string GroupHr = "group-hr";

    public void Project(IEvent<AssessmentDataMissing> e, IDocumentOperations ops)
    {
        foreach (var recipient in e.Data.Recipients)
            ops.Store(new Notification($"{e.Data.CaseId}:no-data:{e.Data.Until:yyyy-MM-dd}:{recipient}", recipient, "assessment-data-missing", e.Data.CaseId, null,
                $"考核数据缺失 No tallies for case {e.Data.CaseId} by its deadline {e.Data.Until:yyyy-MM-dd}: please check the data feed and decide; nothing was assessed.",
                e.Data.Until, e.Data.EscalatedAt));
    }
}
