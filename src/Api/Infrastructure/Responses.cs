using EventHr.Domain.Common;
using EventHr.Domain.Events;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Infrastructure;

/// <summary>How a pure decision becomes what an endpoint answers and what the framework appends.</summary>
public static class Responses
{
    /// <summary>The fact as the 200 answer and the one event to append, or the refusal as a problem and nothing appended.</summary>
    public static (IResult, Events) ToResponse<T>(this Result<T> decision) where T : notnull =>
        decision.IsOk ? (Results.Ok(decision.Value), [decision.Value!]) : (Problems.From(decision.Refusal!), []);

    /// <summary>A decision that answers with something else than the fact (the state after it, say).</summary>
    public static (IResult, Events) ToResponse<T>(this Result<T> decision, Func<T, object> answer) where T : notnull =>
        decision.IsOk ? (Results.Ok(answer(decision.Value!)), [decision.Value!]) : (Problems.From(decision.Refusal!), []);

    /// <summary>
    /// An idempotent PUT of master data: a change is appended at the version read and answered with the
    /// state after it (folded as the store folds it); no change appends nothing and answers the state as it is.
    /// </summary>
    public static (IResult, Events) Revision<T>(T? current, object? change) where T : class =>
        change is null ? (Results.Ok(current), []) : (Results.Ok(Fold<T>.Apply(current, change)), [change]);

    /// <summary>A Validate method's answer: nothing to say (the request goes on), or a 400 naming every bad field.</summary>
    public static ProblemDetails ToProblem(this FieldErrors errors) => errors.IsEmpty
        ? WolverineContinue.NoProblems
        : new ValidationProblemDetails(errors.ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value))
        {
            Status = StatusCodes.Status400BadRequest, Title = "Invalid request", Detail = "One or more fields are invalid."
        };

    public static ProblemDetails Forbidden(string detail) =>
        new() { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = detail };

    public static ProblemDetails NotFound(string detail) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail };

    public static ProblemDetails Conflict(string detail) =>
        new() { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = detail };
}
