using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Audit;

/// <summary>One read of someone's salary or health data: who, whose, what, when, and the request's correlation id.</summary>
public sealed record AccessLogEntry(string EmployeeId, string What, string ReadBy, string Role, DateTimeOffset ReadAt, string? CorrelationId);

public static class AccessLogEndpoint
{
    /// <summary>Lists the reads of another person's salary or health data (PIPL), by employee and period, newest first.</summary>
    [WolverineGet("/api/access-log", OperationId = "accessLog"), Authorize(Roles = Roles.Auditor + "," + Roles.Admin), Tags("Evidence and audit")]
    [ProducesResponseType<IReadOnlyList<AccessLogEntry>>(200)]
    public static async Task<IResult> Get(string? employeeId, string? from, string? to, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (employeeId is not null) Ids.Require(errors, employeeId, "employeeId");
        var since = AsOf.TryParse(from, errors, out var f, "from") ? f : null;
        var until = AsOf.TryParse(to, errors, out var t, "to") ? t : null;
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        var scope = user.Scope();
        if (employeeId is null && !scope.SeesAllBrands) return Problems.Invalid(new FieldErrors().Add("employeeId", "is required for an auditor of some brands"));
        if (employeeId is not null && (await session.LoadAsync<Employee>(StreamKeys.Employee(employeeId), ct) is not { } e || !scope.Audits(e.BrandId)))
            return Problems.NotFound($"no employee '{employeeId}'");

        var query = session.Events.QueryAllRawEvents().Where(x => x.EventTypeName == "sensitive_data_read");
        if (employeeId is not null)
        {
            var key = Domain.Access.SensitiveDataRead.StreamKey(employeeId);
            query = query.Where(x => x.StreamKey == key);
        }
        if (since is { } s) query = query.Where(x => x.Timestamp >= s);
        if (until is { } u) query = query.Where(x => x.Timestamp <= u);
        var events = await query.OrderByDescending(x => x.Sequence).Take(1000).ToListAsync(ct);
        return Results.Ok(events.Select(x => (x.Data as Domain.Access.SensitiveDataRead, x.CorrelationId)).Where(x => x.Item1 is not null)
            .Select(x => new AccessLogEntry(x.Item1!.EmployeeId, x.Item1.What, x.Item1.ReadBy, x.Item1.Role, x.Item1.ReadAt, x.CorrelationId)).ToList());
    }
}
