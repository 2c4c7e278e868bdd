using Marten;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// Stamps every event a request appends with who acted, in which role, and the request's
/// correlation id (API.md "Identity"), so the event history answers "who did this, as part of what".
/// </summary>
public static class RequestAudit
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string RoleHeader = "role";

    /// <summary>ASP.NET middleware: takes the caller's correlation id or makes one, and echoes it back.</summary>
    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var given = ctx.Request.Headers[CorrelationHeader].ToString();
        var id = IsUsable(given) ? given : Guid.NewGuid().ToString("N");
        ctx.Items[CorrelationHeader] = id;
        ctx.Response.Headers[CorrelationHeader] = id;
        await next();
    });

    /// <summary>Wolverine HTTP middleware: runs before each endpoint on the same Marten session.</summary>
    public static void Before(HttpContext context, IDocumentSession session, Wolverine.IMessageContext messages)
    {
        Stamp(context, session);
        // The messages the request sends carry it on, so the handlers' log lines can be followed back to the request.
        messages.CorrelationId = session.CorrelationId;
    }

    /// <summary>Who acts and the correlation id, on a session of the request's own.</summary>
    public static void Stamp(HttpContext context, IDocumentSession session)
    {
        session.CorrelationId = context.Items[CorrelationHeader] as string;
        if (context.User.Identity?.IsAuthenticated != true) return;
        var actor = context.User.ActorFor();
        session.LastModifiedBy = actor.UserId;
        session.SetHeader(RoleHeader, string.Join(",", context.User.FindAll("role").Select(c => c.Value)));
    }

    private static bool IsUsable(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
