using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EventHr.Api.Tests.Support;

/// <summary>Reads a stream's events straight from the store, to check what a request did or did not append.</summary>
public static class AuditTrail
{
    public sealed record StoredEvent(string Type, object Data, string? UserName, string? CorrelationId, object? Role);

    public static async Task<List<StoredEvent>> Events(AppFixture fixture, string streamKey)
    {
        await using var session = fixture.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(streamKey);
        return events.Select(e => new StoredEvent(e.EventTypeName, e.Data, e.UserName, e.CorrelationId, e.GetHeader("role"))).ToList();
    }
}
