using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Reports;

/// <summary>
/// What one tallied employee-day adds to the group views, judged as of that day: the post then held, the standard
/// version then in force, the salary then paid. The aggregates kept as tallies land hold sums of these; the view
/// computed from the ledger adds them up on request: both from this one function.
/// </summary>
public sealed record DayContribution(string BrandId, string PostId, string Region, int TargetsEvaluated, int TargetsMet,
    decimal SalaryCost, decimal? Revenue)
{
    /// <summary>Null for a day the person was not employed (a tally before the hire or after the last day counts for nothing).</summary>
    public static DayContribution? Of(Employee e, DayFigures day, Func<string, string, Standard?> standardOf)
    {
        if (!e.EmployedOn(day.Date)) return null;
        var post = e.PostOn(day.Date);
        int evaluated = 0, met = 0;
        foreach (var (metric, target) in standardOf(e.BrandId, post)?.InForceOn(day.Date)?.Metrics ?? new Dictionary<string, MetricTarget>())
        {
            if (Attainment.Of(target, day.Value(metric)).Met is not { } ok) continue;
            evaluated++;
            if (ok) met++;
        }
        return new DayContribution(e.BrandId, post, e.Region, evaluated, met, day.Derived.DailySalaryCost, day.Raw.Revenue);
    }
}

/// <summary>The sum of the contributions of one brand × post × region over a range of days.</summary>
public sealed record ContributionSum(string BrandId, string PostId, string Region, int TargetsEvaluated, int TargetsMet,
    decimal SalaryCost, decimal? Revenue)
{
    public static IReadOnlyList<ContributionSum> Of(IEnumerable<DayContribution> days) =>
        days.GroupBy(d => (d.BrandId, d.PostId, d.Region)).Select(g => new ContributionSum(g.Key.BrandId, g.Key.PostId, g.Key.Region,
            g.Sum(d => d.TargetsEvaluated), g.Sum(d => d.TargetsMet), g.Sum(d => d.SalaryCost),
            g.Any(d => d.Revenue is not null) ? g.Sum(d => d.Revenue ?? 0m) : null)).ToList();
}
