using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace EventHr.Api.Dashboard;

/// <summary>
/// Serves the web dashboard (src/Web, built by Vite into wwwroot/app) at /app/ from the API's own origin: the page
/// calls the API with the bearer token it was given, nothing is loaded from elsewhere. The files are public (they
/// hold no data); every figure on the page comes from the API under the caller's token and scope.
/// </summary>
public static class DashboardFiles
{
    public const string Path = "/app";

    /// <summary>
    /// Script only from this origin, no framing, nothing sent as a referrer. Styles may be inline (the chart library
    /// positions its elements with style attributes); images may be data: and blob: URLs (charts, downloads).
    /// </summary>
    private const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseDashboard(this WebApplication app)
    {
        var folder = Folder(app);
        // "/app" without its slash would resolve the page's relative asset addresses against "/".
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value != Path) return next(context);
            context.Response.Redirect($"{Path}/");
            return Task.CompletedTask;
        });
        if (folder is null)
        {
            app.MapGet($"{Path}/{{**rest}}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dashboard not built",
                detail: "the dashboard's files are not there: ./ops/run builds them (or npm run build in src/Web)"))
                .AllowAnonymous().ExcludeFromDescription();
            return app;
        }
        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path, FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Built files carry a content hash in their names and never change; the page itself is asked again each time.
                headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments($"{Path}/assets")
                    ? "public, max-age=31536000, immutable" : "no-cache";
            }
        });
        return app;
    }

    /// <summary>EventHr:Dashboard:Path, else wwwroot/app next to the content root (tests, dotnet run) or the binaries (./ops/run, a published folder).</summary>
    private static string? Folder(WebApplication app) =>
        new[] { app.Configuration["EventHr:Dashboard:Path"], System.IO.Path.Combine(app.Environment.ContentRootPath, "wwwroot", "app"),
                System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot", "app") }
            .FirstOrDefault(p => p is not null && File.Exists(System.IO.Path.Combine(p, "index.html")));
}
