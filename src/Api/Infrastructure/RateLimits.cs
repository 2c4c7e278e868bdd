using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// ASP.NET Core's own limiter, one window per user (<c>sub</c>): the expensive reads (evidence bundles,
/// which also append an export event; whole-store and stream verification; report runs) and each
/// feed's ingestion. Over the limit a request gets 429 problem+json with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public const string Expensive = "expensive";
    public const string Ingest = "ingest";

    public static IServiceCollection AddEventHrRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var expensive = config.GetValue("EventHr:RateLimits:ExpensivePerMinute", 30);
        var ingest = config.GetValue("EventHr:RateLimits:IngestPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Expensive, http => PerUser(http, expensive));
            o.AddPolicy(Ingest, http => PerUser(http, ingest));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests",
                        Detail = "This kind of request is limited per user and minute; try again after the time in Retry-After."
                    }
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerUser(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.User.FindFirst("sub")?.Value ?? "anonymous",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
