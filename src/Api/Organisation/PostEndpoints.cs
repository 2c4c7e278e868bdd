using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Persistence;
using Wolverine.Marten;

namespace EventHr.Api.Organisation;

/// <summary>Body of PUT /api/posts/{postId}. Compatible posts may be defined later (they are reassignment candidates).</summary>
public sealed record PostRequest(string? Name, string? Family, PayBand? PayBand, IReadOnlyList<string>? CompatiblePosts);

public static class DefinePostEndpoint
{
    public static string Stream(string postId) => StreamKeys.Post(postId);

    /// <summary>Posts are the whole group's: group HR and admin change them, brand HR may not.</summary>
    public static ProblemDetails Before(ClaimsPrincipal user) => Scopes.GroupOnly(user, "Posts");

    public static ProblemDetails Validate(string postId, PostRequest body) => Post.Validate(Command(postId, body)).ToProblem();

    /// <summary>Defines a post with its family and pre-published pay band; repeating the same PUT records nothing.</summary>
    [WolverinePut("/api/posts/{postId}", OperationId = "definePost"), Authorize(Roles = Roles.MasterData), Tags("Master data")]
    [ProducesResponseType<Post>(200)]
    public static (IResult, Events) Put(string postId, PostRequest body, [WriteAggregate(FromMethod = nameof(Stream), Required = false)] Post? post,
        ClaimsPrincipal user, TimeProvider clock) =>
        Responses.Revision(post, Post.Decide(post, Command(postId, body), user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()));

    private static DefinePost Command(string postId, PostRequest body) => new(postId, body.Name, body.Family, body.PayBand, body.CompatiblePosts);
}

public static class PostQueries
{
    public static string Document(string postId) => StreamKeys.Post(postId);

    /// <summary>Reads a post: family, pay band and the posts compatible with it.</summary>
    [WolverineGet("/api/posts/{postId}", OperationId = "getPost"), Authorize, Tags("Master data")]
    public static Post Get([Entity(FromMethod = nameof(Document), OnMissing = OnMissing.ProblemDetailsWith404,
        MissingMessage = "There is no post with the document id {Id}.")] Post post) => post;
}
