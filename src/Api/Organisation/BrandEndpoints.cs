using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace EventHr.Api.Organisation;

/// <summary>Body of PUT /api/brands/{brandId}.</summary>
public sealed record BrandRequest(string? Name, string? Tier, string? TimeZone);

public static class DefineBrandEndpoint
{
    public static string Stream(string brandId) => StreamKeys.Brand(brandId);

    /// <summary>Brand HR defines its own brands only; another brand is answered as unknown.</summary>
    public static ProblemDetails Before(string brandId, ClaimsPrincipal user) =>
        user.Scope().ManagesStaffOf(brandId) ? WolverineContinue.NoProblems : Responses.NotFound($"no brand '{brandId}'");

    public static ProblemDetails Validate(string brandId, BrandRequest body) => Brand.Validate(Command(brandId, body)).ToProblem();

    /// <summary>Registers a brand, or revises its profile; repeating the same PUT records nothing.</summary>
    [WolverinePut("/api/brands/{brandId}", OperationId = "defineBrand"), Authorize(Roles = Roles.MasterData), Tags("Master data")]
    [ProducesResponseType<Brand>(200)]
    public static (IResult, Events) Put(string brandId, BrandRequest body, [WriteAggregate(FromMethod = nameof(Stream), Required = false)] Brand? brand,
        ClaimsPrincipal user, TimeProvider clock) =>
        Responses.Revision(brand, Brand.Decide(brand, Command(brandId, body), user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()));

    private static DefineBrand Command(string brandId, BrandRequest body) => new(brandId, body.Name, body.Tier, body.TimeZone);
}

public static class BrandQueries
{
    public static string Document(string brandId) => StreamKeys.Brand(brandId);

    /// <summary>Reads a brand's profile: name, tier and the time zone of its business days.</summary>
    [WolverineGet("/api/brands/{brandId}", OperationId = "getBrand"), Authorize, Tags("Master data")]
    public static Brand Get([Entity(FromMethod = nameof(Document), OnMissing = OnMissing.ProblemDetailsWith404,
        MissingMessage = "There is no brand with the document id {Id}.")] Brand brand) => brand;
}
