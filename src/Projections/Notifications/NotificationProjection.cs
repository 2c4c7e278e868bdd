using EventHr.Domain.Alerts;
using EventHr.Domain.Cases;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace EventHr.Projections.Notifications;

/// <summary>Stores notifications in the same transaction as the fact that calls for them, so a warning is stored the moment it is raised.</summary>
public partial class NotificationProjection : EventProjection
{
    public void Project(IEvent<WarningRaised> e, IDocumentOperations ops) => Store(e.Data, ops);
    public void Project(IEvent<AssessmentDataMissing> e, IDocumentOperations ops) => Store(e.Data, ops);
    public void Project(IEvent<AlertOpened> e, IDocumentOperations ops) => Store(e.Data, ops);

    private static void Store(object fact, IDocumentOperations ops)
    {
        foreach (var n in NotificationsFor.Event(fact)) ops.Store(n);
    }
}
