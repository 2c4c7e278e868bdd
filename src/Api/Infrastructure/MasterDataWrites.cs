using Marten;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// The idempotent PUT of master data: decide on the stream's current state; a change is appended
/// at the version read, no change appends nothing; either way the current document is the answer.
/// </summary>
public static class MasterDataWrites
{
    public static async Task<IResult> Put<T>(IDocumentSession session, string streamKey, Func<T?, object?> decide, CancellationToken ct)
        where T : class
    {
        var stream = await session.Events.FetchForWriting<T>(streamKey, ct);
        var change = decide(stream.Aggregate);
        if (change is null) return Results.Ok(stream.Aggregate);
        stream.AppendOne(change);
        await session.SaveChangesAsync(ct);
        return Results.Ok(await session.LoadAsync<T>(streamKey, ct));
    }
}
