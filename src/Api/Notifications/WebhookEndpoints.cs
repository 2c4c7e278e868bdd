using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Notifications;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Notifications;

public static class WebhookEndpoints
{
    /// <summary>
    /// Defines where notifications of some recipients or departments are also pushed: a generic JSON
    /// receiver, or a DingTalk, Feishu/Lark or WeCom group robot. Idempotent PUT.
    /// </summary>
    [WolverinePut("/api/webhooks/{channelId}", OperationId = "defineWebhook"), Authorize(Roles = Roles.MasterData)]
    [Tags("Notifications")]
    public static async Task<IResult> Put(string channelId, DefineWebhookChannel body, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = WebhookChannels.Validate(channelId, body);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        return await MasterDataWrites.Put<WebhookChannel>(session, WebhookChannel.StreamKey(channelId),
            current => WebhookChannels.Decide(current, channelId, body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()), ct);
    }

    [WolverineGet("/api/webhooks", OperationId = "listWebhooks"), Authorize(Roles = Roles.MasterData)]
    [Tags("Notifications")]
    public static async Task<IReadOnlyList<WebhookChannel>> List(IQuerySession session, CancellationToken ct) =>
        await session.Query<WebhookChannel>().ToListAsync(ct);
}
