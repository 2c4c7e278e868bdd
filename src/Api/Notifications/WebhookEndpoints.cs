using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Notifications;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Notifications;

public static class DefineWebhookEndpoint
{
    public static string Stream(string channelId) => WebhookChannel.StreamKey(channelId);

    /// <summary>Notification channels (which serve recipients and departments of every brand) are the whole group's: group HR and admin change them, brand HR may not.</summary>
    public static ProblemDetails Before(ClaimsPrincipal user) => Scopes.GroupOnly(user, "Notification channels");

    public static async Task<ProblemDetails> ValidateAsync(string channelId, DefineWebhookChannel body, WebhookAddresses addresses, CancellationToken ct)
    {
        var errors = WebhookChannels.Validate(channelId, body);
        if (errors.IsEmpty && await addresses.RefusalAsync(body.Url!, ct) is { } refusal) errors.Add("url", refusal);
        return errors.ToProblem();
    }

    /// <summary>
    /// Defines where notifications of some recipients or departments are also pushed: a generic JSON
    /// receiver, or a DingTalk, Feishu/Lark or WeCom group robot. Repeating the same PUT records nothing. The
    /// address is answered, logged and recorded with its secret masked; the address itself is stored encrypted.
    /// </summary>
    [WolverinePut("/api/webhooks/{channelId}", OperationId = "defineWebhook"), Authorize(Roles = Roles.MasterData), Tags("Notifications")]
    [ProducesResponseType<WebhookChannel>(200)]
    public static (IResult, Events) Put(string channelId, DefineWebhookChannel body,
        [WriteAggregate(FromMethod = nameof(Stream), Required = false)] WebhookChannel? channel, IDocumentSession session, WebhookAddresses addresses,
        ClaimsPrincipal user, TimeProvider clock)
    {
        session.Store(addresses.Protect(channelId, body.Url!, body.SigningSecret));
        return Responses.Revision(channel, WebhookChannels.Decide(channel, channelId, body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()));
    }
}

public static class WebhookQueries
{
    /// <summary>Lists every notification channel with the recipients and departments it serves.</summary>
    [WolverineGet("/api/webhooks", OperationId = "listWebhooks"), Authorize(Roles = Roles.MasterData), Tags("Notifications")]
    [ProducesResponseType<IReadOnlyList<WebhookChannel>>(200)]
    public static async Task<IResult> List(IQuerySession session, ClaimsPrincipal user, CancellationToken ct) =>
        user.Scope().SeesAllBrands ? Results.Ok(await session.Query<WebhookChannel>().ToListAsync(ct))
            : Problems.Forbidden("notification channels serve every brand: they are group HR's");
}
