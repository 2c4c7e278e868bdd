using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Standards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Standards;

/// <summary>Body of PUT /api/standards/{brandId}/{postId}: a new version effective from a business date.</summary>
/// <param name="EffectiveFrom">the business date the version applies from; later than the current version's.</param>
/// <param name="Metrics">metric name → target and direction (atLeast | atMost); at least one.</param>
/// <param name="PublishedOn">when the written standard was made known to staff (default: today); G1 needs it before any assessed period.</param>
public sealed record StandardRequest(DateOnly? EffectiveFrom, Dictionary<string, MetricTargetInput>? Metrics, DateOnly? PublishedOn = null);

public static class StandardEndpoints
{
    /// <summary>Publishes a new version of the KPI standard of a brand × post (versions count from 1).</summary>
    [WolverinePut("/api/standards/{brandId}/{postId}", OperationId = "publishStandard"), Authorize(Roles = Roles.MasterData)]
    [Tags("Master data")]
    public static async Task<IResult> Put(string brandId, string postId, StandardRequest body, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var cmd = new PublishStandard(brandId, postId, body.EffectiveFrom, body.Metrics, body.PublishedOn);
        var errors = Standard.Validate(cmd);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        if (await session.LoadAsync<Brand>(StreamKeys.Brand(brandId), ct) is null) return Problems.NotFound($"no brand '{brandId}'");
        if (await session.LoadAsync<Post>(StreamKeys.Post(postId), ct) is null) return Problems.NotFound($"no post '{postId}'");

        var stream = await session.Events.FetchForWriting<Standard>(StreamKeys.Standard(brandId, postId), ct);
        var brand = await session.LoadAsync<Brand>(StreamKeys.Brand(brandId), ct);
        var decision = Standard.Decide(stream.Aggregate, cmd, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow(),
            BusinessDates.Today(clock, brand!.TimeZone));
        if (!decision.IsOk) return Problems.From(decision.Refusal!);
        stream.AppendOne(decision.Value!);
        await session.SaveChangesAsync(ct);
        return Results.Ok(await session.LoadAsync<Standard>(StreamKeys.Standard(brandId, postId), ct));
    }

    /// <summary>Every version with its effective range (effectiveUntil is null for the one in force).</summary>
    [WolverineGet("/api/standards/{brandId}/{postId}", OperationId = "getStandard"), Authorize]
    [Tags("Master data")]
    public static async Task<IResult> Get(string brandId, string postId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Standard>(StreamKeys.Standard(brandId, postId), ct) is { } standard
            ? Results.Ok(standard) : Problems.NotFound($"no standard published for {brandId}/{postId}");
}
