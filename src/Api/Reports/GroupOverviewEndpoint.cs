using System.Security.Claims;
using System.Globalization;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Reports;
using EventHr.Projections.Tallies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EventHr.Api.Reports;

public static class GroupOverviewEndpoint
{
    /// <summary>
    /// Gives group HQ a month's view: KPI attainment by brand × post (with headcount and the standard versions in
    /// force), salary-cost ratio by region and by brand × post, turnover by region and by post. Read from the
    /// aggregates kept as tallies land (a few seconds behind the feed at most), not from the ledger's rows.
    /// </summary>
    [WolverineGet("/api/group/overview", OperationId = "groupOverview"), Authorize(Roles = "hr,auditor,admin"), Tags("Reports")]
    public static async Task<GroupOverview> Get(string month, IQuerySession session, GroupAggregates aggregates, Projections.Staff.StaffPeriods periods, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var first = GroupData.Month(month)!.Value;
        var (staff, brands, standardOf) = await GroupData.ProfilesAsync(session, periods, user, ct);
        var sums = await aggregates.SumsAsync((Npgsql.NpgsqlConnection)session.Connection, first, first.AddMonths(1).AddDays(-1), brands, ct);
        return GroupOverviews.Build(first, staff, sums, standardOf);
    }

    public static ProblemDetails Validate(string? month)
    {
        var errors = new FieldErrors();
        if (month is null || !DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            errors.Add("month", "is required, in the form yyyy-MM");
        else if (m.Year is < 1990 or > 2200) errors.Add("month", "must be between 1990-01 and 2200-12");
        return errors.ToProblem();
    }
}
