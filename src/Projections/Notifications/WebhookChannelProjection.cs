using EventHr.Domain.Notifications;
using Marten.Events.Aggregation;

namespace EventHr.Projections.Notifications;

public partial class WebhookChannelProjection : SingleStreamProjection<WebhookChannel, string>
{
    public WebhookChannel Create(WebhookChannelDefined e) => WebhookChannel.Create(e);
    public WebhookChannel Apply(WebhookChannelDefined e, WebhookChannel current) => current.Apply(e);
}
