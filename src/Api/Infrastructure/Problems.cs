using EventHr.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace EventHr.Api.Infrastructure;

/// <summary>RFC 9457 answers for every refusal (see API.md "Errors").</summary>
public static class Problems
{
    public static IResult Invalid(FieldErrors errors, string? detail = null) =>
        Results.ValidationProblem(errors.ToDictionary(), detail ?? "One or more fields are invalid.",
            title: "Invalid request", statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string detail) => Results.Problem(Responses.NotFound(detail));

    public static IResult Conflict(string detail) => Results.Problem(Responses.Conflict(detail));

    public static IResult Forbidden(string detail) => Results.Problem(Responses.Forbidden(detail));

    /// <summary>422: a labour-law guard refused the action; <c>guard</c> and <c>missing</c> say why.</summary>
    public static IResult LegalGuard(string guard, IReadOnlyList<string> missing, string detail) =>
        Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "A legal precondition is missing",
            Detail = detail,
            Extensions = { ["guard"] = guard, ["missing"] = missing }
        });

    public static IResult From(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => Invalid(refusal.Errors ?? new FieldErrors(), refusal.Detail),
        RefusalKind.NotFound => NotFound(refusal.Detail),
        RefusalKind.Conflict => Conflict(refusal.Detail),
        _ => LegalGuard(refusal.Guard ?? "unknown", refusal.Missing ?? [], refusal.Detail)
    };
}
