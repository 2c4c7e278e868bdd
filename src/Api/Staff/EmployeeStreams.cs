using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Marten;

namespace EventHr.Api.Staff;

public static class EmployeeStreams
{
    /// <summary>
    /// The shape of every employee command: load the employee's stream (404), decide on its current
    /// state (a refusal appends nothing), append the fact at the version read, answer with it.
    /// </summary>
    public static async Task<IResult> Decide<T>(IDocumentSession session, string employeeId, Func<Employee, Task<Result<T>>> decide,
        CancellationToken ct) where T : notnull
    {
        var stream = await session.Events.FetchForWriting<Employee>(StreamKeys.Employee(employeeId), ct);
        if (stream.Aggregate is null) return Problems.NotFound($"no employee '{employeeId}'");
        var decision = await decide(stream.Aggregate);
        if (!decision.IsOk) return Problems.From(decision.Refusal!);
        stream.AppendOne(decision.Value!);
        await session.SaveChangesAsync(ct);
        return Results.Ok(decision.Value);
    }
}
