using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// Failures that are not the server's fault get the answer a client can act on: two requests racing
/// on one stream are a 409 to retry; a database that cannot be reached (restarting, refusing
/// connections, a dropped connection) is a 503 with <c>Retry-After</c>, nothing having been written.
/// </summary>
public sealed class ExceptionProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            ExistingStreamIdCollisionException e => (409, "Conflict", $"'{e.Id}' already exists"),
            ConcurrencyException => (409, "Conflict", "the record changed while this request ran; read it again and retry"),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            _ when DatabaseUnavailable(exception) => (503, "Service unavailable",
                "The database cannot be reached just now. Try again shortly; if this was a write, read the record first to see whether it was recorded."),
            _ => (0, "", "")
        };
        if (status == 0) return false;
        ctx.Response.StatusCode = status;
        if (status == 503) ctx.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail }
        });
    }

    /// <summary>
    /// Marten and Wolverine wrap Npgsql's exceptions, so the chain of causes is searched. A server
    /// error counts only when it says the server or the connection is unavailable (SQLSTATE classes
    /// 08 connection, 53 resources, 57P operator intervention; 55000 "not accepting connections"), not
    /// when a statement failed; a failure with no server error (refused socket, timeout) counts too.
    /// </summary>
    public static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08") || pg.SqlState.StartsWith("53") || pg.SqlState.StartsWith("57P")
                           || pg.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState && pg.MessageText.Contains("not currently accepting connections");
                case NpgsqlException npgsql when npgsql.InnerException is not PostgresException:
                    return true;
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
