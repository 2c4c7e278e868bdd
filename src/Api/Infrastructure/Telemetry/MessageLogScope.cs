using Wolverine;

namespace EventHr.Api.Infrastructure.Telemetry;

/// <summary>
/// Wolverine middleware on every message handler: the lines a handler (and Marten, Npgsql under it) logs carry the
/// correlation id of the request that caused the message, and which message it is, as a request's lines do. The
/// generated handler disposes the scope it returns when the handler is done.
/// </summary>
public static class MessageLogScope
{
    public static IDisposable? Before(Envelope envelope, ILoggerFactory logs) =>
        logs.CreateLogger("EventHr.Messages").BeginScope(new Dictionary<string, object?>
        {
            ["CorrelationId"] = envelope.CorrelationId, ["Message"] = envelope.MessageType, ["User"] = envelope.UserName ?? "system"
        });
}
