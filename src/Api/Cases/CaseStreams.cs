using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Marten;
using JasperFx.Events;

namespace EventHr.Api.Cases;

/// <summary>Loading a case for a command: its stream (version held for the append) and the employee it concerns.</summary>
public static class CaseStreams
{
    public sealed record Loaded(IEventStream<PerformanceCase> Stream, PerformanceCase Case, Employee Employee);

    public static async Task<(Loaded? Loaded, IResult? Problem)> Load(IDocumentSession session, string caseId, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<PerformanceCase>(PerformanceCase.StreamKey(caseId), ct);
        if (stream.Aggregate is null) return (null, Problems.NotFound($"no case '{caseId}'"));
        var employee = await session.LoadAsync<Employee>(StreamKeys.Employee(stream.Aggregate.EmployeeId), ct);
        if (employee is null) return (null, Problems.NotFound($"no employee '{stream.Aggregate.EmployeeId}'"));
        return (new Loaded(stream, stream.Aggregate, employee), null);
    }

    /// <summary>
    /// The shape of every case command: load the case (404), decide on its current state (409/422 on
    /// refusal, nothing appended), append the fact at the version read, answer with it.
    /// </summary>
    public static Task<IResult> Decide<T>(IDocumentSession session, string caseId, Func<Loaded, Result<T>> decide,
        CancellationToken ct) where T : notnull => Decide(session, caseId, loaded => Task.FromResult(decide(loaded)), ct);

    public static async Task<IResult> Decide<T>(IDocumentSession session, string caseId, Func<Loaded, Task<Result<T>>> decide,
        CancellationToken ct) where T : notnull
    {
        var (loaded, problem) = await Load(session, caseId, ct);
        if (loaded is null) return problem!;
        var decision = await decide(loaded);
        if (!decision.IsOk) return Problems.From(decision.Refusal!);
        loaded.Stream.AppendOne(decision.Value!);
        await session.SaveChangesAsync(ct);
        return Results.Ok(decision.Value);
    }

    /// <summary>Case data is for staff roles, and for the employee it concerns.</summary>
    public static bool MaySee(ClaimsPrincipal user, PerformanceCase c) => Staff.Access.MaySee(user, c.EmployeeId);
}
