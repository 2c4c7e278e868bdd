using EventHr.Domain.Cases;
using EventHr.Domain.Law;
using EventHr.Domain.Law.Figures;
using EventHr.Domain.Law.Wages;
using EventHr.Domain.Staff.Employment;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Tests.Law;

/// <summary>The founding article's employee and a case walked to chosen points, built from events as the store would.</summary>
public static class LawFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The employer's city in the fixtures; the sales region ("east") is another thing.</summary>
    public const string City = "shanghai";

    public static Employee Hire(decimal salary = 10_000m, bool payFollowsPost = false, decimal? floor = 6_000m, string hiredOn = "2026-11-01",
        EmploymentFacts? facts = null) =>
        Employee.Create(new EmployeeHired("E1001", "王小明", "yun", "east", "ops-east", "ops", "M01", "hr-li", DateOnly.Parse(hiredOn), salary,
            new ContractTerms(payFollowsPost, floor), "hr-li", T0, facts ?? new EmploymentFacts(City: City)));

    /// <summary>The employee signed an agreement to this wage (art. 35), on 2026-11-10.</summary>
    public static Employee Agreed(this Employee e, string reference, decimal salary, string effectiveOn = "2026-11-12") =>
        e.Apply(new PayAgreementSigned(e.EmployeeId, reference, salary, DateOnly.Parse(effectiveOn), new DateOnly(2026, 11, 10), "self", e.EmployeeId, T0));

    /// <summary>The city's published figures, in force since 2000 unless said otherwise.</summary>
    public static LawFigureBook Figures(decimal minimum = 2_690m, decimal average = 10_000m, string from = "2000-01-01")
    {
        var at = DateOnly.Parse(from);
        return LawFigureBook.Create(new LawFigureRecorded(City, LawFigureKind.MinimumMonthlyWage, at, minimum, "人社局公告", "hr", T0))
            .Apply(new LawFigureRecorded(City, LawFigureKind.AverageMonthlyWage, at, average, "统计局公报", "hr", T0));
    }

    public static LawInForce LawOf(decimal minimum = 2_690m, decimal average = 10_000m, IReadOnlyList<WageDue>? wages = null, LawSettings? settings = null) =>
        new(settings ?? new LawSettings(), Figures(minimum, average), wages ?? []);

    public static Standard Standard(string post = "ops", string publishedOn = "2026-10-25") =>
        Domain.Standards.Standard.Create(new StandardPublished("yun", post, 1, new DateOnly(2026, 11, 1),
            new Dictionary<string, MetricTarget> { ["orders"] = new(10, TargetDirection.AtLeast) }, "hr-li", T0, DateOnly.Parse(publishedOn)));

    public static Post Ops => Post.Create(new PostDefined("ops", "运营", "ops", new PayBand(8_000, 15_000), ["cs"], "hr", T0));
    public static Post Cs => Post.Create(new PostDefined("cs", "客服", "cs", new PayBand(6_000, 9_000), [], "hr", T0));

    public static PerformanceCase Opened() => PerformanceCase.Create(new PerformanceCaseOpened("E1001-1", "E1001", "yun", "ops", "ops-east",
        "M01", "hr-li", new DateOnly(2026, 11, 4), [], T0));

    public static IncompetenceFound Finding(int number, DateTimeOffset at) =>
        new("E1001-1", number, number, [new MetricResult("orders", new PipTarget(5, TargetDirection.AtLeast), 2, 2, 7, false, 0)], "system", at);

    private static PipSet Plan(int assessment, string post) => new("E1001-1", assessment,
        new Dictionary<string, PipTarget> { ["orders"] = new(5, TargetDirection.AtLeast) }, new DateOnly(2026, 11, 5),
        new DateOnly(2026, 11, 11), [], new Dictionary<string, decimal> { ["orders"] = 2 }, "yun", post, 1, "hr", T0);

    /// <summary>Finding #1, then (optionally) training or reassignment, then (optionally) finding #2.</summary>
    public static PerformanceCase Walk(bool finding1 = true, string? remedy = "training", bool finding2 = true)
    {
        var c = Opened().Apply(Plan(1, "ops"));
        if (!finding1) return c;
        c = c.Apply(Finding(1, T0.AddDays(10)));
        if (remedy == "training")
            c = c.Apply(new TrainingAssigned("E1001-1", 1, "推广技巧", "orders", new DateOnly(2026, 11, 12), "hr", T0.AddDays(11)))
                 .Apply(new TrainingCompleted("E1001-1", 1, new DateOnly(2026, 11, 12), "hr", T0.AddDays(11)));
        if (remedy == "training-other-metric")
            c = c.Apply(new TrainingAssigned("E1001-1", 1, "礼仪", "csat", new DateOnly(2026, 11, 12), "hr", T0.AddDays(11)))
                 .Apply(new TrainingCompleted("E1001-1", 1, new DateOnly(2026, 11, 12), "hr", T0.AddDays(11)));
        if (remedy == "training-not-completed")
            c = c.Apply(new TrainingAssigned("E1001-1", 1, "推广技巧", "orders", new DateOnly(2026, 11, 12), "hr", T0.AddDays(11)));
        if (remedy == "reassignment")
            c = c.Apply(new EmployeeReassigned("E1001-1", "E1001", "ops", "cs", new DateOnly(2026, 11, 12), 10_000, 8_000,
                new PayBandSnapshot(6_000, 9_000), "signed-agreement", "AGR-1", "fit", "hr", T0.AddDays(11)));
        if (!finding2) return c;
        return c.Apply(Plan(2, remedy == "reassignment" ? "cs" : "ops")).Apply(Finding(2, T0.AddDays(20)));
    }
}
