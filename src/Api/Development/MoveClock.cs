using EventHr.Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Development;

/// <param name="To">the instant the clock reads from now on (with an offset)</param>
/// <param name="RealTime">true: back to real time</param>
public sealed record MoveClock(DateTimeOffset? To, bool? RealTime);

public sealed record ClockReading(DateTimeOffset Now);

public static class MoveClockEndpoint
{
    public static ProblemDetails Validate(MoveClock body) => (body.To is null) == (body.RealTime != true)
        ? new Domain.Common.FieldErrors().Add("to", "give either an instant with an offset (to) or realTime: true").ToProblem()
        : WolverineContinue.NoProblems;

    /// <summary>
    /// Moves the settable clock (Development and Test only; 404 elsewhere) so that ./ops/demo walks a story day by day,
    /// each step on its day. It dates what happens; the store still records when, by the database's clock.
    /// </summary>
    [WolverinePost("/api/dev/clock", OperationId = "moveClock"), Authorize(Roles = Roles.MasterData), Tags("Development")]
    [ProducesResponseType<ClockReading>(200)]
    public static IResult Post(MoveClock body, TimeProvider clock)
    {
        if (clock is not SettableClock settable) return Problems.NotFound("the clock can be moved in Development and Test only");
        settable.MoveTo(body.To ?? TimeProvider.System.GetUtcNow());
        return Results.Ok(new ClockReading(settable.GetUtcNow()));
    }
}
