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

    /// <summary>Today's business date in the brand's zone (the group default, Asia/Shanghai).</summary>
    public static DateOnly Today(TimeProvider clock, string timeZone = Domain.Organisation.Brand.DefaultTimeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    /// <summary>Case data is for staff roles, and for the employee it concerns.</summary>
    public static bool MaySee(ClaimsPrincipal user, PerformanceCase c) => Staff.Access.MaySee(user, c.EmployeeId);
}
