using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Organisation;

/// <summary>Body of PUT /api/brands/{brandId}.</summary>
public sealed record BrandRequest(string? Name, string? Tier, string? TimeZone);

public static class BrandEndpoints
{
    /// <summary>Registers a brand, or revises its profile; repeating the same PUT records nothing.</summary>
    [WolverinePut("/api/brands/{brandId}", OperationId = "defineBrand"), Authorize(Roles = Roles.MasterData)]
    [Tags("Master data")]
    public static async Task<IResult> Put(string brandId, BrandRequest body, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var cmd = new DefineBrand(brandId, body.Name, body.Tier, body.TimeZone);
        var errors = Brand.Validate(cmd);
        if (!errors.IsEmpty) return Problems.Invalid(errors);

        return await MasterDataWrites.Put<Brand>(session, StreamKeys.Brand(brandId),
            current => Brand.Decide(current, cmd, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()), ct);
    }

    [WolverineGet("/api/brands/{brandId}", OperationId = "getBrand"), Authorize]
    [Tags("Master data")]
    public static async Task<IResult> Get(string brandId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Brand>(StreamKeys.Brand(brandId), ct) is { } brand
            ? Results.Ok(brand) : Problems.NotFound($"no brand '{brandId}'");
}
