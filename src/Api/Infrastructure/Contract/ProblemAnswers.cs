using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Infrastructure.Contract;

/// <summary>
/// Declares in every operation's contract the problem answers it can give, as application/problem+json:
/// 400 for malformed input, 401 and 403 unless anonymous, 404 when its route names a record, 409 for
/// writes, 422 where a legal guard may refuse, 429 where requests are limited per user, 503 when the database cannot be reached. It also drops the
/// placeholders Wolverine infers from an <see cref="IResult"/> return (the typed 2xx comes from each
/// endpoint's <c>[ProducesResponseType]</c>), so no operation is documented as answering "IResult".
/// </summary>
public sealed class ProblemAnswers : IHttpPolicy
{
    private const string Problem = "application/problem+json";

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains) chain.Metadata.Finally(builder => Declare(chain, builder));
    }

    private static void Declare(HttpChain chain, EndpointBuilder builder)
    {
        var declares2xx = Declares2xx(builder);
        foreach (var placeholder in builder.Metadata.OfType<IProducesResponseTypeMetadata>().Where(r =>
                     r.Type is { } t && t.IsAssignableTo(typeof(IResult)) || (r.Type is null || r.Type == typeof(void)) && (r.StatusCode >= 400 || r.StatusCode == 200 && declares2xx)).ToList())
            builder.Metadata.Remove(placeholder);
        var route = chain.RoutePattern!;
        var methods = chain.HttpMethods;
        var anonymous = builder.Metadata.OfType<IAllowAnonymous>().Any();
        // Any request can be refused as malformed: query strings and route values are checked on every path.
        Add(builder, 400, typeof(HttpValidationProblemDetails));
        if (!anonymous)
        {
            Add(builder, 401, typeof(ProblemDetails));
            Add(builder, 403, typeof(ProblemDetails));
        }
        if (route.Parameters.Count > 0) Add(builder, 404, typeof(ProblemDetails));
        if (methods.Any(m => m is "POST" or "PUT")) Add(builder, 409, typeof(ProblemDetails));
        if (builder.Metadata.OfType<LegalGuardedAttribute>().Any()) Add(builder, 422, typeof(LegalRefusal));
        if (builder.Metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any()) Add(builder, 429, typeof(ProblemDetails));
        Add(builder, 503, typeof(ProblemDetails));
    }

    private static bool Declares2xx(EndpointBuilder builder) =>
        builder.Metadata.OfType<IProducesResponseTypeMetadata>().Any(r => r.StatusCode is >= 200 and < 300 && r.Type is not null && !r.Type.IsAssignableTo(typeof(IResult)));

    /// <summary>Adds the problem answer unless the endpoint declares that status itself (health answers its own report).</summary>
    private static void Add(EndpointBuilder builder, int status, Type type)
    {
        if (builder.Metadata.OfType<IProducesResponseTypeMetadata>().Any(r => r.StatusCode == status)) return;
        builder.Metadata.Add(new ProducesResponseTypeAttribute(type, status, Problem));
    }
}
