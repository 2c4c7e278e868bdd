using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Reports;

public sealed record AttainmentLine(string BrandId, string PostId, int Headcount, int TargetsEvaluated, int TargetsMet, decimal? AttainmentRate,
    IReadOnlyList<int> StandardVersions);

public sealed record CostLine(string Key, int Headcount, decimal SalaryCost, decimal Revenue, decimal? SalaryCostRatio);

public sealed record TurnoverLine(string Key, int HeadcountAtStart, int HeadcountAtEnd, int Separations, decimal? Turnover);

/// <summary>Story 6: group HQ's month by brand × post, region and post.</summary>
public sealed record GroupOverview(string Month, IReadOnlyList<AttainmentLine> Attainment, IReadOnlyList<CostLine> SalaryCostByRegion,
    IReadOnlyList<CostLine> SalaryCostByBrandPost, IReadOnlyList<TurnoverLine> TurnoverByRegion, IReadOnlyList<TurnoverLine> TurnoverByPost);

public static class GroupOverviews
{
    /// <summary>
    /// Attainment counts each tallied employee-day's targets under the standard version in force that
    /// day (a mid-month change applies from its effective date only); salary-cost ratio is the month's
    /// salary cost of tallied days over their revenue; turnover is separations over the average of the
    /// headcounts at the month's start and end.
    /// </summary>
    public static GroupOverview Build(DateOnly firstDay, IReadOnlyList<Employee> staff, IReadOnlyDictionary<string, List<DayFigures>> days,
        Func<string, string, Standard?> standardOf)
    {
        var lastDay = firstDay.AddMonths(1).AddDays(-1);
        bool ActiveOn(Employee e, DateOnly d) => e.HiredOn <= d && (e.EndedOn is null || e.EndedOn >= d);
        var inMonth = staff.Where(e => e.HiredOn <= lastDay && (e.EndedOn is null || e.EndedOn >= firstDay)).ToList();

        var attainment = inMonth.GroupBy(e => (e.BrandId, Post: e.PostOn(lastDay))).OrderBy(g => g.Key.BrandId).ThenBy(g => g.Key.Post)
            .Select(g =>
            {
                var standard = standardOf(g.Key.BrandId, g.Key.Post);
                int evaluated = 0, met = 0;
                foreach (var e in g)
                foreach (var day in days.GetValueOrDefault(e.EmployeeId) ?? [])
                {
                    var version = standard?.InForceOn(day.Date);
                    if (version is null || e.PostOn(day.Date) != g.Key.Post) continue;
                    foreach (var (metric, target) in version.Metrics)
                    {
                        if (Attainment.Of(target, day.Value(metric)).Met is not { } ok) continue;
                        evaluated++;
                        if (ok) met++;
                    }
                }
                var versions = standard?.Versions.Where(v => v.EffectiveFrom <= lastDay && (v.EffectiveUntil is null || v.EffectiveUntil >= firstDay))
                    .Select(v => v.Version).ToList() ?? [];
                return new AttainmentLine(g.Key.BrandId, g.Key.Post, g.Count(e => ActiveOn(e, lastDay)), evaluated, met,
                    evaluated == 0 ? null : Math.Round((decimal)met / evaluated, 4), versions);
            }).ToList();

        CostLine Cost(string key, IEnumerable<Employee> group)
        {
            var list = group.ToList();
            var tallied = list.SelectMany(e => days.GetValueOrDefault(e.EmployeeId) ?? []).ToList();
            var cost = tallied.Sum(d => d.Derived.DailySalaryCost);
            var revenue = tallied.Sum(d => d.Raw.Revenue ?? 0m);
            return new CostLine(key, list.Count(e => ActiveOn(e, lastDay)), cost, revenue, revenue == 0 ? null : Math.Round(cost / revenue, 4));
        }

        TurnoverLine Turnover(string key, IEnumerable<Employee> group)
        {
            var list = group.ToList();
            var start = list.Count(e => ActiveOn(e, firstDay));
            var end = list.Count(e => ActiveOn(e, lastDay));
            var left = list.Count(e => e.EndedOn >= firstDay && e.EndedOn <= lastDay);
            var average = (start + end) / 2m;
            return new TurnoverLine(key, start, end, left, average == 0 ? null : Math.Round(left / average, 4));
        }

        return new GroupOverview(firstDay.ToString("yyyy-MM"), attainment,
            inMonth.GroupBy(e => e.Region).OrderBy(g => g.Key).Select(g => Cost(g.Key, g)).ToList(),
            inMonth.GroupBy(e => $"{e.BrandId}/{e.PostOn(lastDay)}").OrderBy(g => g.Key).Select(g => Cost(g.Key, g)).ToList(),
            inMonth.GroupBy(e => e.Region).OrderBy(g => g.Key).Select(g => Turnover(g.Key, g)).ToList(),
            inMonth.GroupBy(e => e.PostOn(lastDay)).OrderBy(g => g.Key).Select(g => Turnover(g.Key, g)).ToList());
    }
}
