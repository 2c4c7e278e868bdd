using EventHr.Domain.Cases;
using EventHr.Domain.Tallies;
using EventHr.Projections.Telemetry;
using Marten;
using Marten.Services;

namespace EventHr.Api.Infrastructure.Telemetry;

/// <summary>
/// Counts the business meter's facts once they are committed: a transaction that rolls back (a conflict that is
/// retried, a database that went away) counts nothing, and its retry counts once.
/// </summary>
public sealed class CommittedFacts : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var e in commit.GetEvents())
        {
            switch (e.Data)
            {
                case TalliesRecorded batch:
                    EventHrMetrics.RowsIngested.Add(batch.Rows.Count);
                    break;
                case WarningRaised:
                    EventHrMetrics.WarningsRaised.Add(1);
                    break;
            }
        }
        foreach (var doc in commit.Updated.Concat(commit.Inserted))
            if (doc is Notifications.WebhookDelivered)
                EventHrMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "delivered"));
        return Task.CompletedTask;
    }
}
