using System.Net.Http.Json;
using EventHr.Domain.Notifications;
using EventHr.Projections.Notifications;
using Marten;
using Wolverine.Attributes;

namespace EventHr.Api.Notifications;

/// <summary>One notification to push to one channel; it travels through the durable outbox and is retried with back-off.</summary>
public sealed record DeliverWebhook(string DeliveryId, string ChannelId, string Url, string Format, string Recipient, string Kind, string Message);

/// <summary>A delivery the receiver accepted; a redelivered message finds it and sends nothing again.</summary>
public sealed record WebhookDelivered(string Id, string ChannelId, int Status, DateTimeOffset DeliveredAt);

public sealed class WebhookRejected(string message) : Exception(message);

[WolverineHandler]
public static class WebhookDelivery
{
    public const string HttpClientName = "webhooks";

    /// <summary>
    /// A delivery for every channel that wants one of these notifications; the handler that raised them
    /// returns these, so they leave through the outbox in the same transaction as the facts.
    /// </summary>
    public static async Task<IReadOnlyList<DeliverWebhook>> For(IQuerySession session, IEnumerable<Notification> notifications, CancellationToken ct)
    {
        var list = notifications.ToList();
        if (list.Count == 0) return [];
        var channels = await session.Query<WebhookChannel>().ToListAsync(ct);
        return list.SelectMany(n => channels.Where(c => c.Wants(n.Recipient, n.Department, n.BrandId))
            .Select(c => new DeliverWebhook($"{n.Id}>{c.ChannelId}", c.ChannelId, c.Url, c.Format, n.Recipient, n.Kind, n.Message))).ToList();
    }

    /// <summary>
    /// Posts the message in the channel's format with the delivery id as an idempotency header. A
    /// receiver that is down, answers an error, or (a group robot) answers 200 with a refusal code makes the attempt fail; Wolverine retries it with
    /// back-off from its durable inbox, so the receiver gets it when it returns.
    /// </summary>
    public static async Task Handle(DeliverWebhook d, IDocumentSession session, IHttpClientFactory http, WebhookAddresses addresses, TimeProvider clock,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (await session.LoadAsync<WebhookDelivered>(d.DeliveryId, ct) is not null) return;
        // The message carries the masked address; the real one is decrypted only here (channels defined before
        // addresses were kept apart hold theirs in the channel).
        var stored = await session.LoadAsync<WebhookAddress>(d.ChannelId, ct);
        var url = stored is null ? d.Url : addresses.Unprotect(stored);
        var payload = WebhookChannels.Payload(d.Format, d.DeliveryId, d.Recipient, d.Kind, d.Message);
        // Robots that check a signature get one made now: theirs expire after about an hour.
        if (stored is not null && addresses.SigningSecret(stored) is { } secret)
        {
            var now = clock.GetUtcNow();
            if (d.Format == "dingtalk") url = RobotSigning.SignedDingTalkUrl(url, secret, now.ToUnixTimeMilliseconds());
            if (d.Format == "feishu")
            {
                payload["timestamp"] = now.ToUnixTimeSeconds().ToString();
                payload["sign"] = RobotSigning.Feishu(secret, now.ToUnixTimeSeconds());
            }
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(payload) };
        request.Headers.Add("X-EventHr-Delivery", d.DeliveryId);
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        var refusal = !response.IsSuccessStatusCode ? $"answered {(int)response.StatusCode}"
            : WebhookChannels.Refusal(d.Format, await response.Content.ReadAsStringAsync(ct));
        if (refusal is not null)
        {
            // The masked address and the channel, never the secret-bearing one; Wolverine retries with back-off.
            Projections.Telemetry.EventHrMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
            logs.CreateLogger("EventHr.Webhooks").LogWarning("Webhook delivery {DeliveryId} to channel {ChannelId} refused: {Refusal}", d.DeliveryId, d.ChannelId, refusal);
            throw new WebhookRejected($"{d.Url} {refusal}");
        }
        session.Store(new WebhookDelivered(d.DeliveryId, d.ChannelId, (int)response.StatusCode, clock.GetUtcNow()));
    }
}
