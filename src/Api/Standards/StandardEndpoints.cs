using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Standards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Persistence;
using Wolverine.Marten;

namespace EventHr.Api.Standards;

/// <summary>Body of PUT /api/standards/{brandId}/{postId}: a new version effective from a business date.</summary>
/// <param name="EffectiveFrom">the business date the version applies from; later than the current version's.</param>
/// <param name="Metrics">metric name → target and direction (atLeast | atMost); at least one.</param>
/// <param name="PublishedOn">when the written standard was made known to staff (default: today); G1 needs it before any assessed period.</param>
/// <param name="PublishedOn">when staff were told (default today); a day before today needs <c>publicationRef</c></param>
/// <param name="PublicationRef">the notice that made the standard known on that earlier day (its number, where it was posted)</param>
public sealed record StandardRequest(DateOnly? EffectiveFrom, Dictionary<string, MetricTargetInput>? Metrics, DateOnly? PublishedOn = null,
    string? PublicationRef = null);

public static class PublishStandardEndpoint
{
    public static string Stream(string brandId, string postId) => StreamKeys.Standard(brandId, postId);

    /// <summary>Brand HR publishes its own brands' standards only; another brand is answered as unknown.</summary>
    public static ProblemDetails Before(string brandId, ClaimsPrincipal user) =>
        user.Scope().ManagesStaffOf(brandId) ? WolverineContinue.NoProblems : Responses.NotFound($"no brand '{brandId}'");

    public static async Task<(Brand?, Post?)> LoadAsync(string brandId, string postId, IDocumentSession session, CancellationToken ct) =>
        (await session.LoadAsync<Brand>(StreamKeys.Brand(brandId), ct), await session.LoadAsync<Post>(StreamKeys.Post(postId), ct));

    public static ProblemDetails Validate(string brandId, string postId, StandardRequest body, Brand? brand, Post? post)
    {
        var errors = Standard.Validate(Command(brandId, postId, body));
        if (!errors.IsEmpty) return errors.ToProblem();
        if (brand is null) return Responses.NotFound($"no brand '{brandId}'");
        return post is null ? Responses.NotFound($"no post '{postId}'") : Wolverine.Http.WolverineContinue.NoProblems;
    }

    /// <summary>Publishes a new version of the KPI standard of a brand × post (versions count from 1).</summary>
    [WolverinePut("/api/standards/{brandId}/{postId}", OperationId = "publishStandard"), Authorize(Roles = Roles.MasterData), Tags("Master data")]
    [ProducesResponseType<Standard>(200)]
    public static (IResult, Events) Put(string brandId, string postId, StandardRequest body,
        [WriteAggregate(FromMethod = nameof(Stream), Required = false)] Standard? standard, Brand brand, ClaimsPrincipal user, TimeProvider clock) =>
        Standard.Decide(standard, Command(brandId, postId, body), user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow(),
            BusinessDates.Today(clock, brand.TimeZone)).ToResponse(published => Domain.Events.Fold<Standard>.Apply(standard, published)!);

    private static PublishStandard Command(string brandId, string postId, StandardRequest body) =>
        new(brandId, postId, body.EffectiveFrom, body.Metrics, body.PublishedOn, body.PublicationRef);
}

/// <summary>Body of POST /api/standards/{brandId}/{postId}/reviews.</summary>
/// <param name="Conclusion">what HR concluded: the targets stand (why), or a new version follows</param>
public sealed record StandardReviewRequest(string? Conclusion);

public static class ReviewStandardEndpoint
{
    public static string Stream(string brandId, string postId) => StreamKeys.Standard(brandId, postId);

    /// <summary>Brand HR reviews its own brands' standards only; another brand is answered as unknown.</summary>
    public static ProblemDetails Before(string brandId, ClaimsPrincipal user) =>
        user.Scope().ManagesStaffOf(brandId) ? WolverineContinue.NoProblems : Responses.NotFound($"no brand '{brandId}'");

    public static ProblemDetails Validate(StandardReviewRequest body)
    {
        var errors = new Domain.Common.FieldErrors();
        errors.RequireText(body.Conclusion, "conclusion", 2000);
        return errors.ToProblem();
    }

    /// <summary>
    /// Records HR's review of a standard flagged as unfair (G3: too many of the post's staff miss it): findings under it
    /// are allowed again until a later flag opens.
    /// </summary>
    [WolverinePost("/api/standards/{brandId}/{postId}/reviews", OperationId = "reviewStandard"), Authorize(Roles = Roles.MasterData), Tags("Master data")]
    [ProducesResponseType<StandardReviewed>(200)]
    public static (IResult, Events) Post(string brandId, string postId, StandardReviewRequest body,
        [WriteAggregate(FromMethod = nameof(Stream), OnMissing = OnMissing.ProblemDetailsWith404)] Standard standard,
        ClaimsPrincipal user, TimeProvider clock)
    {
        var reviewed = new StandardReviewed(brandId, postId, body.Conclusion!.Trim(), user.ActorFor(Roles.Hr, Roles.Admin).UserId, clock.GetUtcNow());
        return (Results.Ok(reviewed), [reviewed]);
    }
}

public static class StandardQueries
{
    public static string Document(string brandId, string postId) => StreamKeys.Standard(brandId, postId);

    /// <summary>Reads every version of a standard with its effective range (effectiveUntil is null for the one in force).</summary>
    [WolverineGet("/api/standards/{brandId}/{postId}", OperationId = "getStandard"), Authorize, Tags("Master data")]
    public static Standard Get([Entity(FromMethod = nameof(Document), OnMissing = OnMissing.ProblemDetailsWith404,
        MissingMessage = "No standard is published for the document id {Id}.")] Standard standard) => standard;
}
