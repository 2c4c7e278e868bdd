using System.Globalization;
using EventHr.Api.Infrastructure;
using EventHr.Api.Rules;
using EventHr.Domain.Common;
using EventHr.Domain.Reports;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Projections.Tallies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Wolverine.Http;

namespace EventHr.Api.Reports;

public static class GroupOverviewEndpoint
{
    /// <summary>
    /// Group HQ's month: KPI attainment by brand × post (with headcount and the standard versions in
    /// force), salary-cost ratio by region and by brand × post, turnover by region and by post.
    /// </summary>
    [WolverineGet("/api/group/overview", OperationId = "groupOverview"), Authorize(Roles = "hr,auditor,admin")]
    [Tags("Reports")]
    public static async Task<IResult> Get(string? month, IQuerySession session, TallyLedger ledger, CancellationToken ct)
    {
        if (month is null || !DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            return Problems.Invalid(new FieldErrors().Add("month", "is required, in the form yyyy-MM"));
        var first = DateOnly.FromDateTime(m);
        var last = first.AddMonths(1).AddDays(-1);

        var staff = await session.Query<Employee>().ToListAsync(ct);
        var byId = staff.ToDictionary(e => e.EmployeeId);
        var rows = await ledger.InForceAsync((NpgsqlConnection)session.Connection, staff.Select(e => e.EmployeeId).ToList(), first, last, ct);
        var days = rows.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => TallyWindow.Days(g, byId[g.Key]));
        var standards = new Dictionary<(string, string), Standard?>();
        foreach (var key in staff.Select(e => (e.BrandId, e.PostOn(last))).Distinct())
            standards[key] = await session.LoadAsync<Standard>(StreamKeys.Standard(key.Item1, key.Item2), ct);

        return Results.Ok(GroupOverviews.Build(first, staff, days, (brand, post) => standards.GetValueOrDefault((brand, post))));
    }
}
