using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Evidence.Integrity;
using EventHr.Projections.Audit;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace EventHr.Api.Audit;

public sealed record AuditEvent(long Sequence, long Version, string Type, string Timestamp, string Actor, string? CorrelationId,
    JsonElement Data, string? PrevHash, string? Hash);

/// <summary>The whole store checked: how many streams and events, and the first broken ones.</summary>
public sealed record StoreVerdict(bool Valid, int Streams, long Events, int Pending, int BrokenStreams, IReadOnlyList<ChainVerdict> Broken,
    double Seconds);

public sealed record AuditStream(string StreamId, DateTimeOffset? AsOf, IReadOnlyList<AuditEvent> Events, string? Head);

/// <summary>Legal and HR audit replay: raw events with their seals, and recomputation of a stream's chain.</summary>
public static class AuditEndpoints
{
    /// <summary>Replays every event of a stream (up to <c>asOf</c>): sequence, type, data, timestamp, actor, correlation id and hash.</summary>
    [WolverineGet("/api/audit/streams/{streamId}", OperationId = "auditStream"), Authorize(Roles = Roles.Evidence), ProducesResponseType<AuditStream>(200)]
    [Tags("Evidence and audit")]
    public static async Task<IResult> Stream(string streamId, string? asOf, IDocumentSession session, StoredEvents stored, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!AsOf.TryParse(asOf, errors, out var at)) return Problems.Invalid(errors);
        // A stream outside the caller's brands is answered as an empty one; a tally batch shows a brand-scoped
        // reader only its brands' rows (the event's hash, over all of them, still proves the batch).
        var scope = user.Scope();
        var batchRows = streamId.StartsWith("tallies:", StringComparison.Ordinal) && !scope.SeesAllBrands;
        var events = batchRows || await StreamScope.MayReadAsync(scope, streamId, session, ct)
            ? await stored.StreamAsync((NpgsqlConnection)session.Connection, streamId, at, ct) : [];
        var data = events.Select(e => JsonNode.Parse(e.Event.Data)!).ToList();
        if (batchRows && await WithinScope(data, scope, session, ct) == 0) events = [];
        if (events.Count == 0) return Problems.NotFound($"no events in stream '{streamId}'{(at is null ? "" : $" as of {asOf}")}");
        // An employee's raw events hold their salary history and protected statuses.
        if (streamId.StartsWith("employee:", StringComparison.Ordinal)
            && await session.LoadAsync<Domain.Staff.Employee>(streamId, ct) is { } person)
            AccessLog.Record(session, user, person.Person(), $"audit stream {streamId}: raw events", clock.GetUtcNow());
        var items = events.Select((e, i) => new AuditEvent(e.Sequence, e.Event.Version, e.Event.Type, e.Event.Timestamp, e.Event.Actor,
            e.CorrelationId, JsonSerializer.SerializeToElement(data[i]), e.PrevHash, e.Hash)).ToList();
        return Results.Ok(new AuditStream(streamId, at, items, events[^1].Hash));
    }

    /// <summary>
    /// Keeps in each batch event only the rows of the reader's brands' staff, noting how many were withheld;
    /// returns how many rows remain.
    /// </summary>
    private static async Task<int> WithinScope(List<JsonNode> data, Domain.Access.Scope scope, IQuerySession session, CancellationToken ct)
    {
        var rows = data.Select(d => d["rows"] as JsonArray).Where(r => r is not null).ToList();
        var ids = rows.SelectMany(r => r!.Select(x => x?["employeeId"]?.GetValue<string>())).OfType<string>().Distinct()
            .Select(Domain.Common.StreamKeys.Employee).ToArray();
        var brandOf = (await session.LoadManyAsync<Domain.Staff.Employee>(ct, ids)).ToDictionary(e => e.EmployeeId, e => e.BrandId);
        var kept = 0;
        foreach (var batch in data.OfType<JsonObject>())
        {
            if (batch["rows"] is not JsonArray all) continue;
            var mine = all.Where(r => r?["employeeId"]?.GetValue<string>() is { } id && brandOf.TryGetValue(id, out var b) && scope.Audits(b))
                .Select(r => r!.DeepClone()).ToArray();
            batch["rows"] = new JsonArray(mine);
            batch["rowsWithheld"] = all.Count - mine.Length;
            kept += mine.Length;
        }
        return kept;
    }

    /// <summary>
    /// Recomputes every stream's chain in one pass over the event and seal tables (a long request on a
    /// large store): <c>{ valid, streams, events, brokenStreams, broken }</c>, listing the first 100 breaks.
    /// </summary>
    [WolverineGet("/api/audit/verify", OperationId = "verifyStore"), Authorize(Roles = Roles.Evidence), ProducesResponseType<StoreVerdict>(200), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
    [Tags("Evidence and audit")]
    public static async Task<IResult> VerifyAll(IQuerySession session, StoredEvents stored, ClaimsPrincipal user, CancellationToken ct)
    {
        // The answer names broken streams of every brand.
        if (!user.Scope().SeesAllBrands) return Problems.Forbidden("whole-store verification is for group-wide auditors, HR and admin");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var conn = (NpgsqlConnection)session.Connection;
        var sealedThrough = await stored.SealedThroughAsync(conn, ct);
        var (streams, events, pending, brokenCount, broken) = (0, 0L, 0, 0, new List<ChainVerdict>());
        await foreach (var (streamId, slots) in stored.AllSlotsAsync(conn, ct))
        {
            var verdict = ChainCheck.Verify(streamId, slots, sealedThrough);
            streams++;
            events += slots.Count;
            pending += verdict.Pending;
            if (verdict.Valid) continue;
            brokenCount++;
            if (broken.Count < 100) broken.Add(verdict);
        }
        return Results.Ok(new StoreVerdict(brokenCount == 0, streams, events, pending, brokenCount, broken, Math.Round(started.Elapsed.TotalSeconds, 3)));
    }

    /// <summary>
    /// Recomputes the stream's chain from the stored rows: <c>{ valid, brokenAt }</c>. An UPDATE or
    /// DELETE run directly against the event table shows as the first version that no longer matches.
    /// </summary>
    [WolverineGet("/api/audit/verify/{streamId}", OperationId = "verifyStream"), Authorize(Roles = Roles.Evidence), ProducesResponseType<EventHr.Domain.Evidence.Integrity.ChainVerdict>(200), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
    [Tags("Evidence and audit")]
    public static async Task<IResult> Verify(string streamId, IQuerySession session, StoredEvents stored, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await StreamScope.MayReadAsync(user.Scope(), streamId, session, ct)) return Problems.NotFound($"no events in stream '{streamId}'");
        var conn = (NpgsqlConnection)session.Connection;
        var sealedThrough = await stored.SealedThroughAsync(conn, ct);
        var slots = await stored.SlotsAsync(conn, streamId, ct);
        if (slots.Count == 0) return Problems.NotFound($"no events in stream '{streamId}'");
        return Results.Ok(ChainCheck.Verify(streamId, slots, sealedThrough));
    }
}
