using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Organisation;

/// <summary>Body of PUT /api/posts/{postId}. Compatible posts may be defined later (they are reassignment candidates).</summary>
public sealed record PostRequest(string? Name, string? Family, PayBand? PayBand, IReadOnlyList<string>? CompatiblePosts);

public static class PostEndpoints
{
    /// <summary>Defines a post with its family and pre-published pay band; repeating the same PUT records nothing.</summary>
    [WolverinePut("/api/posts/{postId}", OperationId = "definePost"), Authorize(Roles = Roles.MasterData)]
    [Tags("Master data")]
    public static async Task<IResult> Put(string postId, PostRequest body, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var cmd = new DefinePost(postId, body.Name, body.Family, body.PayBand, body.CompatiblePosts);
        var errors = Post.Validate(cmd);
        if (!errors.IsEmpty) return Problems.Invalid(errors);

        return await MasterDataWrites.Put<Post>(session, StreamKeys.Post(postId),
            current => Post.Decide(current, cmd, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()), ct);
    }

    [WolverineGet("/api/posts/{postId}", OperationId = "getPost"), Authorize]
    [Tags("Master data")]
    public static async Task<IResult> Get(string postId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Post>(StreamKeys.Post(postId), ct) is { } post
            ? Results.Ok(post) : Problems.NotFound($"no post '{postId}'");
}
