using EventHr.Projections.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Npgsql;

namespace EventHr.Api.Infrastructure.Telemetry;

/// <summary>
/// Logs, traces and metrics as an operator reads them (README "Observability"). Outside Development the console
/// speaks JSON, one object per line with its scopes (correlation id, user). OpenTelemetry collects ASP.NET Core,
/// HttpClient, Npgsql, Wolverine's and Marten's own sources and the business meter; it exports by OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard variables choose protocol and headers).
/// </summary>
public static class Observability
{
    public static void AddEventHrTelemetry(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("eventhr", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            // Metrics cost nothing until a reader (the OTLP exporter, a test's in-memory one) listens.
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation().AddMeter("Wolverine*", "Marten", EventHrMetrics.Name));
        // Spans are made only when someone collects them: a span per SQL statement is not free on the ingest path.
        if (exporting)
            otel.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql().AddSource("Wolverine", "Marten"))
                .UseOtlpExporter();
    }

    /// <summary>
    /// Every log line of a request carries its correlation id (X-Correlation-Id, also stamped on its events) and the
    /// user acting, never what they sent: bodies, salaries and health facts stay out of logs.
    /// </summary>
    public static IApplicationBuilder UseLogScopes(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var logger = ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("EventHr.Requests");
        var user = ctx.User.Identity?.IsAuthenticated == true ? ctx.User.FindFirst("sub")?.Value : null;
        using (logger.BeginScope(new Dictionary<string, object?>
               {
                   ["CorrelationId"] = ctx.Items[RequestAudit.CorrelationHeader] as string, ["User"] = user ?? "anonymous"
               }))
            await next();
    });
}
