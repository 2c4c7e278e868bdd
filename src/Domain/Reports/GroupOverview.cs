using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Reports;

public sealed record AttainmentLine(string BrandId, string PostId, int Headcount, int TargetsEvaluated, int TargetsMet, decimal? AttainmentRate,
    IReadOnlyList<int> StandardVersions);

/// <summary>Revenue is null when none of the tallied days reported any (a post that sells nothing, such as customer service).</summary>
public sealed record CostLine(string Key, int Headcount, decimal SalaryCost, decimal? Revenue, decimal? SalaryCostRatio);

public sealed record TurnoverLine(string Key, int HeadcountAtStart, int HeadcountAtEnd, int Separations, decimal? Turnover);

/// <summary>Story 6: group HQ's month by brand × post, region and post.</summary>
public sealed record GroupOverview(string Month, IReadOnlyList<AttainmentLine> Attainment, IReadOnlyList<CostLine> SalaryCostByRegion,
    IReadOnlyList<CostLine> SalaryCostByBrandPost, IReadOnlyList<TurnoverLine> TurnoverByRegion, IReadOnlyList<TurnoverLine> TurnoverByPost);

public static class GroupOverviews
{
    /// <summary>
    /// Attainment counts each tallied employee-day's targets under the standard version in force that
    /// day (a mid-month change applies from its effective date only), and under the post held that day
    /// (someone moved mid-month counts for each post on its own days); salary-cost ratio is the month's
    /// salary cost of tallied days over their revenue, by the same day's post; turnover is separations
    /// over the average of the headcounts at the month's start and end. Someone whose last day is the
    /// month's last day left in that month: counted at its start, not at its end (nor at the next one's
    /// start). Tallies after a separation's date (a leaving recorded late) are not counted.
    /// </summary>
    public static GroupOverview Build(DateOnly firstDay, IReadOnlyList<Employee> staff, IReadOnlyDictionary<string, List<DayFigures>> days,
        Func<string, string, Standard?> standardOf)
    {
        var lastDay = firstDay.AddMonths(1).AddDays(-1);
        var contributions = staff.SelectMany(e => (days.GetValueOrDefault(e.EmployeeId) ?? [])
                .Where(d => d.Date >= firstDay && d.Date <= lastDay)
                .Select(d => DayContribution.Of(e, d, standardOf)))
            .OfType<DayContribution>();
        return Build(firstDay, staff.Select(e => e.Period()).ToList(), ContributionSum.Of(contributions), standardOf);
    }

    /// <summary>The month from the sums of its days' contributions (kept as tallies land, or added up from the ledger).</summary>
    public static GroupOverview Build(DateOnly firstDay, IReadOnlyList<StaffPeriod> staff, IReadOnlyList<ContributionSum> sums,
        Func<string, string, Standard?> standardOf)
    {
        var lastDay = firstDay.AddMonths(1).AddDays(-1);
        bool AtStart(StaffPeriod e) => e.EmployedOn(firstDay);
        bool AtEnd(StaffPeriod e) => e.HiredOn <= lastDay && (e.EndedOn is null || e.EndedOn > lastDay);
        var inMonth = staff.Where(e => e.HiredOn <= lastDay && (e.EndedOn is null || e.EndedOn >= firstDay)).ToList();
        var byBrandPost = sums.ToLookup(w => (w.BrandId, w.PostId));
        var byRegion = sums.ToLookup(w => w.Region);

        var brandPosts = inMonth.Select(e => (e.BrandId, Post: e.PostOn(lastDay))).Concat(sums.Select(w => (w.BrandId, Post: w.PostId)))
            .Distinct().OrderBy(k => k.BrandId).ThenBy(k => k.Post).ToList();
        int HeadcountOf(string brand, string post) => inMonth.Count(e => e.BrandId == brand && e.PostOn(lastDay) == post && AtEnd(e));

        var attainment = brandPosts.Select(k =>
        {
            var standard = standardOf(k.BrandId, k.Post);
            var evaluated = byBrandPost[k].Sum(w => w.TargetsEvaluated);
            var met = byBrandPost[k].Sum(w => w.TargetsMet);
            var versions = standard?.Versions.Where(v => v.EffectiveFrom <= lastDay && (v.EffectiveUntil is null || v.EffectiveUntil >= firstDay))
                .Select(v => v.Version).ToList() ?? [];
            return new AttainmentLine(k.BrandId, k.Post, HeadcountOf(k.BrandId, k.Post), evaluated, met,
                evaluated == 0 ? null : Math.Round((decimal)met / evaluated, 4), versions);
        }).ToList();

        CostLine Cost(string key, int headcount, IEnumerable<ContributionSum> tallied)
        {
            var list = tallied.ToList();
            var cost = list.Sum(d => d.SalaryCost);
            decimal? revenue = list.Any(d => d.Revenue is not null) ? list.Sum(d => d.Revenue ?? 0m) : null;
            return new CostLine(key, headcount, cost, revenue, revenue is null or 0 ? null : Math.Round(cost / revenue.Value, 4));
        }

        TurnoverLine Turnover(string key, IReadOnlyList<StaffPeriod> group)
        {
            var start = group.Count(AtStart);
            var end = group.Count(AtEnd);
            var left = group.Count(e => e.EndedOn >= firstDay && e.EndedOn <= lastDay);
            var average = (start + end) / 2m;
            return new TurnoverLine(key, start, end, left, average == 0 ? null : Math.Round(left / average, 4));
        }

        return new GroupOverview(firstDay.ToString("yyyy-MM"), attainment,
            inMonth.GroupBy(e => e.Region).OrderBy(g => g.Key)
                .Select(g => Cost(g.Key, g.Count(AtEnd), byRegion[g.Key])).ToList(),
            brandPosts.Select(k => Cost($"{k.BrandId}/{k.Post}", HeadcountOf(k.BrandId, k.Post), byBrandPost[k])).ToList(),
            inMonth.GroupBy(e => e.Region).OrderBy(g => g.Key).Select(g => Turnover(g.Key, g.ToList())).ToList(),
            inMonth.GroupBy(e => e.PostOn(lastDay)).OrderBy(g => g.Key).Select(g => Turnover(g.Key, g.ToList())).ToList());
    }
}
