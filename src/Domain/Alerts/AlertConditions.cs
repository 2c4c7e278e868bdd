using EventHr.Domain.Reports;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Alerts;

/// <summary>Which alert conditions hold now, from the same figures HQ reads in the overview.</summary>
public static class AlertConditions
{
    /// <summary>
    /// Salary cost over revenue month to date; salary paid against a reported revenue of zero is over
    /// any threshold. A brand × post with nothing tallied yet this month cannot be judged, and one whose
    /// tallies carry no revenue at all (customer service) has no such ratio.
    /// </summary>
    public static IEnumerable<AlertCondition> Cost(GroupOverview monthToDate, AlertRule rule)
    {
        foreach (var l in monthToDate.SalaryCostByBrandPost)
        {
            if (l.SalaryCost == 0 && (l.Revenue ?? 0) == 0)
            {
                yield return AlertCondition.NotYetKnown(AlertRule.Cost, l.Key);
                continue;
            }
            if (l.Revenue is not { } revenue || !(l.SalaryCostRatio > rule.Threshold || revenue == 0)) continue;
            var figures = new Dictionary<string, decimal> { ["salaryCost"] = l.SalaryCost, ["revenue"] = revenue };
            if (l.SalaryCostRatio is { } ratio) figures["salaryCostRatio"] = ratio;
            yield return new AlertCondition(AlertRule.Cost, l.Key, l.SalaryCostRatio is null
                ? $"薪资成本占比 Salary cost {l.Key} {l.SalaryCost:N2} month to date against no revenue"
                : $"薪资成本占比 Salary-cost ratio {l.Key} {l.SalaryCostRatio:P1} month to date, above {rule.Threshold:P0}", figures);
        }
    }

    /// <param name="months">the last <c>rule.Span</c> completed months' overviews, oldest first (a month under way would read low)</param>
    public static IEnumerable<AlertCondition> Attrition(IReadOnlyList<GroupOverview> months, AlertRule rule)
    {
        if (months.Count < rule.Span) yield break;
        var recent = months.TakeLast(rule.Span).ToList();
        foreach (var region in recent[^1].TurnoverByRegion.Select(l => l.Key))
        {
            var rates = recent.Select(m => m.TurnoverByRegion.FirstOrDefault(l => l.Key == region)?.Turnover).ToList();
            if (rates.All(r => r > rule.Threshold))
                yield return new AlertCondition(AlertRule.Attrition, region,
                    $"离职率 Turnover in {region} above {rule.Threshold:P0} for {rule.Span} months: {string.Join(", ", rates.Select(r => r!.Value.ToString("P1")))}",
                    recent.Select((m, i) => (m.Month, Rate: rates[i]!.Value)).ToDictionary(x => x.Month, x => x.Rate));
        }
    }

    /// <summary>An employee below the share of target on Span consecutive tallied days (story 7: 7 days under 50%).</summary>
    public static IEnumerable<AlertCondition> Performance(IEnumerable<(Employee Employee, IReadOnlyList<DayFigures> Days, Standard? Standard)> staff,
        AlertRule rule)
    {
        var settings = new RuleSettings { LowShareOfTarget = rule.Threshold, ConsecutiveLowDays = rule.Span };
        foreach (var (employee, days, standard) in staff)
        {
            var breaches = LowPerformanceRule.Evaluate(days, standard, settings);
            if (breaches.Count == 0) continue;
            yield return new AlertCondition(AlertRule.Performance, employee.EmployeeId,
                $"持续低绩效 {employee.Name} ({employee.EmployeeId}) below {rule.Threshold:P0} of target on {rule.Span} consecutive days: "
                + string.Join(", ", breaches.Select(b => b.Metric)),
                breaches.ToDictionary(b => b.Metric, b => Math.Round(b.Values.Average(), 4)));
        }
    }

    /// <summary>
    /// G3 fair targets: a standard that most of a post's staff miss is reviewed before anyone is assessed
    /// against it. An employee misses it when fewer than half of their targets this month were met.
    /// </summary>
    public static IEnumerable<AlertCondition> Fairness(GroupOverview monthToDate,
        IEnumerable<(Employee Employee, IReadOnlyList<DayFigures> Days, Standard? Standard)> staff, AlertRule rule)
    {
        foreach (var post in staff.GroupBy(s => $"{s.Employee.BrandId}/{s.Employee.PostId}"))
        {
            var judged = post.Select(s => MetShare(s.Days, s.Standard)).Where(x => x is not null).ToList();
            if (judged.Count < 2)
            {
                yield return AlertCondition.NotYetKnown(AlertRule.Fairness, post.Key);
                continue;
            }
            var missing = judged.Count(x => x < 0.5m);
            var share = Math.Round((decimal)missing / judged.Count, 4);
            if (share > rule.Threshold)
                yield return new AlertCondition(AlertRule.Fairness, post.Key,
                    $"目标公平性 {missing} of {judged.Count} staff of {post.Key} miss its standard this month ({share:P0}): review the targets before assessing anyone (G3)",
                    new Dictionary<string, decimal> { ["shareMissing"] = share, ["staff"] = judged.Count });
        }
    }

    private static decimal? MetShare(IReadOnlyList<DayFigures> days, Standard? standard)
    {
        int evaluated = 0, met = 0;
        foreach (var day in days)
        foreach (var (metric, target) in standard?.InForceOn(day.Date)?.Metrics ?? new Dictionary<string, MetricTarget>())
        {
            if (Attainment.Of(target, day.Value(metric)).Met is not { } ok) continue;
            evaluated++;
            if (ok) met++;
        }
        return evaluated == 0 ? null : (decimal)met / evaluated;
    }
}
