using EventHr.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace EventHr.Api.Infrastructure.Input;

/// <summary>
/// Route values and query filters are checked before routing, like body strings: a NUL in a query
/// filter used to reach PostgreSQL, fail there, and leave the pooled connection broken for the next
/// request of any user.
/// </summary>
public static class SafeRequestLine
{
    /// <summary>No query value of this API (ids, dates, instants, statuses) comes near this.</summary>
    public const int MaxQueryValueLength = 512;

    public static IApplicationBuilder UseSafeRequestLine(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (Problem(ctx.Request) is not { } problem)
        {
            await next();
            return;
        }
        ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
        await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = new ProblemDetails { Status = 400, Title = "Invalid request", Detail = problem }
        });
    });

    private static string? Problem(HttpRequest request)
    {
        if (StoredText.Problem(request.Path.Value ?? "") is { } path) return $"The path {path}.";
        foreach (var (key, values) in request.Query)
        {
            if (key.Length > 64) return "A query parameter's name must be at most 64 characters.";
            if (StoredText.Problem(key) is { } k) return $"A query parameter's name {k}.";
            foreach (var value in values)
            {
                if (value is null) continue;
                if (value.Length > MaxQueryValueLength) return $"The query parameter '{key}' must be at most {MaxQueryValueLength} characters.";
                if (StoredText.Problem(value) is { } v) return $"The query parameter '{key}' {v}.";
            }
        }
        return null;
    }
}
