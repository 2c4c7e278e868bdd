using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Law;

/// <summary>One hiring condition judged on the tallies of the stated period.</summary>
public sealed record ConditionResult(string Metric, decimal Target, TargetDirection Direction, decimal? Average, int TalliedDays, bool Failed);

/// <summary>
/// G15, Labour Contract Law art. 39(1) with art. 21: during probation an employee shown not to meet a hiring condition
/// may be dismissed — without notice or severance, but with the reasons in writing and the union told first (art. 43).
/// The condition must have been communicated at hire and acknowledged; the tallies of a stated period inside the
/// probation must show it missed. Once probation has ended, this route is closed: art. 40(2) remains.
/// </summary>
public static class Art39Probation
{
    public const string NotInProbation = "art39-1-not-in-probation";
    public const string NoCondition = "art39-1-no-hiring-condition";
    public const string NotShown = "art39-1-condition-not-shown";
    public const string Writing = "art39-1-reasons-not-in-writing";

    /// <param name="ConditionsFailed">the metrics of the hiring conditions the employee failed</param>
    public sealed record Dismissal(DateOnly ServedOn, IReadOnlyList<string> ConditionsFailed, DateOnly From, DateOnly Until,
        DateOnly? UnionNotifiedOn, NoticeDelivery? Delivery);

    public static IReadOnlyList<LegalElement> Elements(Employee employee, Dismissal d, IReadOnlyList<DayFigures> days, int minTalliedDays,
        out IReadOnlyList<ConditionResult> results)
    {
        var period = days.Where(x => x.Date >= d.From && x.Date <= d.Until).ToList();
        results = Cited(employee, d).OfType<Staff.Employment.HiringCondition>().Select(c =>
        {
            var average = DayFigures.Average(period, c.Metric!);
            var tallied = period.Count(x => x.Value(c.Metric!) is not null);
            var failed = average is { } a && (c.Direction == TargetDirection.AtLeast ? a < c.Target!.Value : a > c.Target!.Value);
            return new ConditionResult(c.Metric!, c.Target!.Value, c.Direction, average, tallied, failed);
        }).ToList();
        return Judge(employee, d, results, minTalliedDays);
    }

    private static List<Staff.Employment.HiringCondition?> Cited(Employee employee, Dismissal d)
    {
        var conditions = (employee.Facts.HiringConditions ?? []).Where(c => c.Metric is not null && c.Target is not null).ToList();
        return d.ConditionsFailed.Select(m => conditions.FirstOrDefault(c => c.Metric == m)).ToList();
    }

    /// <summary>The elements on figures already computed: the decision's own, or those a recorded dismissal kept (the bundle).</summary>
    public static IReadOnlyList<LegalElement> Judge(Employee employee, Dismissal d, IReadOnlyList<ConditionResult> results, int minTalliedDays)
    {
        var facts = employee.Facts;
        var profile = $"employee:{employee.EmployeeId}#employment";
        var elements = new List<LegalElement>();

        const string probationLabel = "试用期内 within probation (art. 39(1))";
        elements.Add(facts.ProbationUntil is not { } until
            ? LegalElement.Missing("in-probation", NotInProbation, probationLabel, "no probation was agreed in the contract")
            : d.ServedOn > until
                ? LegalElement.Missing("in-probation", NotInProbation, probationLabel, $"probation ended on {until:yyyy-MM-dd}; use art. 40(2)")
                : d.Until > until || d.From < employee.HiredOn
                    ? LegalElement.Missing("in-probation", NotInProbation, probationLabel,
                        $"the period {d.From:yyyy-MM-dd}..{d.Until:yyyy-MM-dd} lies outside the probation {employee.HiredOn:yyyy-MM-dd}..{until:yyyy-MM-dd}")
                    : LegalElement.Met("in-probation", NotInProbation, probationLabel, [profile], $"probation until {until:yyyy-MM-dd}"));

        const string communicatedLabel = "录用条件已告知并确认 hiring conditions communicated at hire and acknowledged (art. 8, 21)";
        var conditions = (facts.HiringConditions ?? []).Where(c => c.Metric is not null && c.Target is not null).ToList();
        var cited = Cited(employee, d);
        if (conditions.Count == 0)
            elements.Add(LegalElement.Missing("hiring-conditions", NoCondition, communicatedLabel, "no measurable hiring condition was communicated at hire"));
        else if (cited.Any(c => c is null) || cited.Count == 0)
            elements.Add(LegalElement.Missing("hiring-conditions", NoCondition, communicatedLabel,
                $"not a communicated condition: {string.Join(", ", d.ConditionsFailed.Where((m, i) => cited[i] is null).DefaultIfEmpty("(none named)"))}"));
        else if (employee.HiringConditionsAcknowledgedOn is not { } ack || ack > d.From)
            elements.Add(LegalElement.Missing("hiring-conditions", NoCondition, communicatedLabel,
                employee.HiringConditionsAcknowledgedAt is null ? "the employee has not acknowledged the hiring conditions"
                    : "the hiring conditions were acknowledged after the period began"));
        else elements.Add(LegalElement.Met("hiring-conditions", NoCondition, communicatedLabel, [profile, $"{profile}#conditions-acknowledged"]));

        const string shownLabel = "考核期数据证明不符合录用条件 the period's tallies show a condition missed";
        var unshown = results.Where(r => !r.Failed || r.TalliedDays < minTalliedDays).ToList();
        elements.Add(results.Count > 0 && unshown.Count == 0
            ? LegalElement.Met("condition-shown", NotShown, shownLabel, [$"tallies:{employee.EmployeeId}:{d.From:yyyy-MM-dd}..{d.Until:yyyy-MM-dd}"],
                string.Join("; ", results.Select(r => $"{r.Metric} {r.Average} vs {r.Target} over {r.TalliedDays} tallied days")))
            : LegalElement.Missing("condition-shown", NotShown, shownLabel, results.Count == 0 ? "no condition to judge"
                : string.Join("; ", unshown.Select(r => r.TalliedDays < minTalliedDays
                    ? $"{r.Metric}: {r.TalliedDays} tallied days, fewer than {minTalliedDays}"
                    : $"{r.Metric}: {r.Average} meets {r.Target}"))));

        elements.Add(d.UnionNotifiedOn is { } union && union <= d.ServedOn
            ? LegalElement.Met("union-notified", Art40Termination.Union, "事先通知工会 union notified of the reasons before dismissal (art. 43)",
                [$"union-{union:yyyy-MM-dd}"])
            : LegalElement.Missing("union-notified", Art40Termination.Union, "事先通知工会 union notified of the reasons before dismissal (art. 43)",
                d.UnionNotifiedOn is null ? "no union notice recorded" : "the union was notified after the dismissal"));
        elements.Add(d.Delivery is { Method: not null, Reference.Length: > 0 }
            ? LegalElement.Met("reasons-in-writing", Writing, "书面说明理由并送达 reasons given in writing and delivered", [$"delivery:{d.Delivery.Reference}"])
            : LegalElement.Missing("reasons-in-writing", Writing, "书面说明理由并送达 reasons given in writing and delivered", "no delivery record"));
        return elements;
    }
}
