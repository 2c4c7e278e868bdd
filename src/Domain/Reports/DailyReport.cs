using EventHr.Domain.Kpi;
using EventHr.Domain.Rules;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Reports;

public sealed record DailyReportRow(string EmployeeId, string Name, string PostId, bool Tallied, int? Orders, decimal? ConversionRate,
    decimal? AverageOrderValue, decimal? SalaryCostRatio, decimal DailySalaryCost, int? StandardVersion,
    IReadOnlyDictionary<string, Attainment> Attainment, bool OverCostThreshold);

/// <summary>A post's figures over all its staff of the brand that day: the comparison line of the report.</summary>
public sealed record PostAverage(string PostId, int Employees, decimal? Orders, decimal? ConversionRate, decimal? AverageOrderValue,
    decimal? SalaryCostRatio);

/// <summary>
/// Story 5: the department head's 09:00 report of the previous business day.
/// Departments are named per brand (two brands may each have a 客服部), so a report is the brand's department's.
/// </summary>
public sealed record DailyReport(string Id, string BrandId, string Department, DateOnly Date, decimal CostThreshold,
    IReadOnlyList<DailyReportRow> Rows, IReadOnlyList<PostAverage> PostAverages, DateTimeOffset GeneratedAt)
{
    public static string IdFor(string brandId, string department, DateOnly date) => $"daily:{brandId}:{department}:{date:yyyy-MM-dd}";

    /// <summary>True when the reader may not see salary figures: each row's daily salary cost then reads 0 (the ratio stays).</summary>
    public bool SalaryWithheld { get; init; }

    /// <summary>The report as a department head reads it: the salary-cost ratio, not the wage behind it (PIPL).</summary>
    public DailyReport WithoutSalaryFigures() =>
        this with { Rows = Rows.Select(r => r with { DailySalaryCost = 0 }).ToList(), SalaryWithheld = true };
}

public static class DailyReports
{
    public sealed record Member(string EmployeeId, string Name, string BrandId, string PostId, decimal MonthlySalary, DayFigures? Day);

    /// <summary>
    /// Each brand × post's average of the day over its tallied peers — every employee of the brand's post that day, the
    /// department's included —, worked out once for all the departments of a run.
    /// </summary>
    public static IReadOnlyDictionary<(string BrandId, string PostId), PostAverage> PostAverages(IEnumerable<Member> peers) =>
        peers.Where(p => p.Day is not null).GroupBy(p => (p.BrandId, p.PostId)).ToDictionary(g => g.Key, g => Average(g.Key.PostId, g.ToList()));

    /// <param name="members">the department's staff on that day, with their figures when tallied</param>
    /// <param name="postAverages">from <see cref="PostAverages"/> over the brand's peers of each post</param>
    public static DailyReport Build(string brandId, string department, DateOnly date, IReadOnlyList<Member> members,
        IReadOnlyDictionary<(string BrandId, string PostId), PostAverage> postAverages,
        Func<string, string, StandardVersion?> standardOf, decimal costThreshold, DateTimeOffset now)
    {
        var rows = members.OrderBy(m => m.PostId).ThenBy(m => m.EmployeeId).Select(m =>
        {
            var standard = standardOf(m.BrandId, m.PostId);
            var day = m.Day;
            var attainment = day is null || standard is null ? new Dictionary<string, Attainment>()
                : standard.Metrics.ToDictionary(t => t.Key, t => Attainment.Of(t.Value, day.Value(t.Key)));
            var cost = day?.Derived.SalaryCostRatio;
            var dailyCost = DerivedMetrics.From(new RawMetrics(), m.MonthlySalary).DailySalaryCost;
            // A day's wage against a reported revenue of zero has no ratio, and is over any threshold.
            var over = cost > costThreshold || (day?.Raw.Revenue == 0 && dailyCost > 0);
            return new DailyReportRow(m.EmployeeId, m.Name, m.PostId, day is not null, day?.Raw.Orders, day?.Derived.ConversionRate,
                day?.Derived.AverageOrderValue, cost, dailyCost, standard?.Version, attainment, over);
        }).ToList();
        var averages = members.Select(m => (m.BrandId, m.PostId)).Distinct().OrderBy(k => k.PostId)
            .Select(k => postAverages.GetValueOrDefault(k) ?? Average(k.PostId, [])).ToList();
        return new DailyReport(DailyReport.IdFor(brandId, department, date), brandId, department, date, costThreshold, rows, averages, now);
    }

    /// <summary>Ratios of sums, not means of ratios: the post's conversion is its orders over its visitors.</summary>
    private static PostAverage Average(string post, IReadOnlyList<Member> tallied)
    {
        decimal? Sum(Func<DayFigures, decimal?> f) { var v = tallied.Select(m => f(m.Day!)).Where(x => x.HasValue).ToList(); return v.Count == 0 ? null : v.Sum(); }
        decimal? Ratio(decimal? a, decimal? b) => a is null || b is null or 0 ? null : Math.Round(a.Value / b.Value, 4);
        var orders = Sum(d => d.Raw.Orders);
        var visitors = Sum(d => d.Raw.Visitors);
        var revenue = Sum(d => d.Raw.Revenue);
        var cost = Sum(d => d.Derived.DailySalaryCost);
        return new PostAverage(post, tallied.Count, tallied.Count == 0 ? null : Math.Round((orders ?? 0m) / tallied.Count, 2),
            Ratio(orders, visitors), Ratio(revenue, orders), Ratio(cost, revenue));
    }
}
