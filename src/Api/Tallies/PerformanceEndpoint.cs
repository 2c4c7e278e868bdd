using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Api.Staff;
using EventHr.Domain.Common;
using EventHr.Domain.Kpi;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Projections.Standards;
using EventHr.Projections.Tallies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Tallies;

public sealed record PerformanceDay(DateOnly Date, IReadOnlyList<string> SourceIds, RawMetrics Metrics,
    DerivedMetrics Derived, string PostId, int? StandardVersion, bool StandardAcknowledged, IReadOnlyDictionary<string, Attainment> Attainment);

/// <param name="SalaryWithheld">true when the reader may not see salary figures: each day's dailySalaryCost then reads 0</param>
public sealed record PerformanceReport(string EmployeeId, string BrandId, string PostId, DateOnly From, DateOnly To,
    IReadOnlyList<PerformanceDay> Days, bool SalaryWithheld);

public static class PerformanceEndpoint
{
    private const int MaxDays = 366;

    /// <summary>
    /// Lists an employee's days in a date range (default: the last 30 days): raw metrics (corrections applied), derived
    /// metrics, and attainment against the standard version in force on each date.
    /// </summary>
    [WolverineGet("/api/employees/{employeeId}/performance", OperationId = "getPerformance"), Authorize, ProducesResponseType<PerformanceReport>(200)]
    [Tags("Employees")]
    public static async Task<IResult> Get(string employeeId, string? from, string? to, IDocumentSession session,
        TallyLedger ledger, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (toAsked, fromAsked) = (BusinessDates.Parse(to, "to", errors), BusinessDates.Parse(from, "from", errors));
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        // Someone outside the caller's scope is answered as an unknown one.
        var employee = await session.LoadAsync<Employee>(StreamKeys.Employee(employeeId), ct);
        if (employee is null || !user.Scope().Sees(employee.Person())) return Problems.NotFound($"no employee '{employeeId}'");
        var sensitive = user.Scope().SeesSensitive(employee.Person());
        var toDate = toAsked ?? BusinessDates.Today(clock,
            (await session.LoadAsync<Brand>(StreamKeys.Brand(employee.BrandId), ct))?.TimeZone ?? Brand.DefaultTimeZone);
        var fromDate = fromAsked ?? toDate.AddDays(-29);
        if (fromDate > toDate) errors.Add("from", "must not be after to");
        else if (toDate.DayNumber - fromDate.DayNumber >= MaxDays) errors.Add("to", $"a range spans at most {MaxDays} days");
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        // A reassignment changes the standard: each day is read against the post held that day.
        var standards = await StandardLookup.LoadAsync(session, employee.Posts.Select(p => (employee.BrandId, p.PostId)), ct);
        var rows = await ledger.InForceAsync((Npgsql.NpgsqlConnection)session.Connection, employeeId, fromDate, toDate, ct);

        var days = rows.GroupBy(r => r.Date).Select(g =>
        {
            var raw = RawMetrics.Combine(g.Select(r => r.Metrics).ToList());
            var derived = DerivedMetrics.From(raw, employee.MonthlySalaryOn(g.Key));
            // The day's wage is a salary figure; its ratio to revenue is what a department head may see.
            if (!sensitive) derived = derived with { DailySalaryCost = 0 };
            var postId = employee.PostOn(g.Key);
            var version = standards.GetValueOrDefault((employee.BrandId, postId))?.InForceOn(g.Key);
            var attainment = version?.Metrics.ToDictionary(m => m.Key,
                m => Domain.Standards.Attainment.Of(m.Value, raw.Get(m.Key) ?? derived.Get(m.Key))) ?? [];
            var acknowledged = version is not null && employee.HasAcknowledged(employee.BrandId, postId, version.Version);
            return new PerformanceDay(g.Key, g.Select(r => r.SourceId).ToList(), raw, derived, postId, version?.Version, acknowledged, attainment);
        }).ToList();
        if (sensitive) AccessLog.Record(session, user, employee.Person(), $"performance {fromDate:yyyy-MM-dd}..{toDate:yyyy-MM-dd}: daily salary cost", clock.GetUtcNow());
        return Results.Ok(new PerformanceReport(employeeId, employee.BrandId, employee.PostId, fromDate, toDate, days, !sensitive));
    }
}
