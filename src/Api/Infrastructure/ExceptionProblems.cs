using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// Turns the store's concurrency failures into 409s: two requests racing to create the same stream
/// or to append at the same version are a conflict for the client to retry, not a server fault.
/// </summary>
public sealed class ExceptionProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            ExistingStreamIdCollisionException e => (409, "Conflict", $"'{e.Id}' already exists"),
            ConcurrencyException => (409, "Conflict", "the record changed while this request ran; read it again and retry"),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            _ => (0, "", "")
        };
        if (status == 0) return false;
        ctx.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail }
        });
    }
}
