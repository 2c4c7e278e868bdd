using System.Globalization;
using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Reports;
using EventHr.Projections.Tallies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Reports;

/// <summary>Each month of a range, as the month's overview gives it (group HQ's twelve-month comparison).</summary>
public sealed record GroupMonths(string From, string To, IReadOnlyList<GroupOverview> Months);

public static class GroupMonthsEndpoint
{
    public const int MaxMonths = 24;

    /// <summary>
    /// Group HQ's months side by side (at most 24, e.g. the last twelve): each as <c>GET /api/group/overview</c> gives it —
    /// attainment by brand × post, salary-cost ratio by region and brand × post, turnover by region and post — read
    /// from the aggregates kept as tallies land, the profiles read once.
    /// </summary>
    [WolverineGet("/api/group/overview/months", OperationId = "groupOverviewMonths"), Authorize(Roles = "hr,auditor,admin"), Tags("Reports")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
    public static async Task<GroupMonths> Get(string from, string to, IQuerySession session, GroupAggregates aggregates, Projections.Staff.StaffPeriods periods, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var (first, last) = (GroupData.Month(from)!.Value, GroupData.Month(to)!.Value);
        var (staff, brands, standardOf) = await GroupData.ProfilesAsync(session, periods, user, ct);
        var sums = await aggregates.MonthlySumsAsync((Npgsql.NpgsqlConnection)session.Connection, first, last.AddMonths(1).AddDays(-1), brands, ct);
        var months = new List<GroupOverview>();
        for (var m = first; m <= last; m = m.AddMonths(1)) months.Add(GroupOverviews.Build(m, staff, sums.GetValueOrDefault(m) ?? [], standardOf));
        return new GroupMonths(from, to, months);
    }

    public static ProblemDetails Validate(string? from, string? to)
    {
        var errors = new FieldErrors();
        var (first, last) = (GroupData.Month(from), GroupData.Month(to));
        if (first is null) errors.Add("from", "is required, a month in the form yyyy-MM between 1990-01 and 2200-12");
        if (last is null) errors.Add("to", "is required, a month in the form yyyy-MM between 1990-01 and 2200-12");
        if (first is { } f && last is { } l)
        {
            if (l < f) errors.Add("to", "must not be before from");
            else if (l > f.AddMonths(MaxMonths - 1)) errors.Add("to", $"must be within {MaxMonths} months of from");
        }
        return errors.ToProblem();
    }
}
