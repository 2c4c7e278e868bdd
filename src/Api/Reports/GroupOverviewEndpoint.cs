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
    /// force), salary-cost ratio by region and by brand × post, turnover by region and by post.
    /// </summary>
    [WolverineGet("/api/group/overview", OperationId = "groupOverview"), Authorize(Roles = "hr,auditor,admin"), ProducesResponseType<GroupOverview>(200)]
    [Tags("Reports")]
    public static async Task<IResult> Get(string? month, IQuerySession session, TallyLedger ledger, ClaimsPrincipal user, CancellationToken ct)
    {
        if (month is null || !DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            return Problems.Invalid(new FieldErrors().Add("month", "is required, in the form yyyy-MM"));
        if (m.Year is < 1990 or > 2200) return Problems.Invalid(new FieldErrors().Add("month", "must be between 1990-01 and 2200-12"));
        var first = DateOnly.FromDateTime(m);
        var last = first.AddMonths(1).AddDays(-1);

        // Brand HR and brand auditors compare their own brands only.
        var scope = user.Scope();
        var data = await GroupData.Load(session, ledger, first, last, ct, scope.SeesAllBrands ? null : scope.Brands);
        return Results.Ok(GroupOverviews.Build(first, data.Staff, data.Days, data.StandardOf));
    }
}
