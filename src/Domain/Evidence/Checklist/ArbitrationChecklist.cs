using EventHr.Domain.Alerts;
using EventHr.Domain.Cases;
using EventHr.Domain.Law;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Evidence.Checklist;

/// <summary>What the checklist is judged on: the histories as they stood at the bundle's instant.</summary>
public sealed record ChecklistFacts(
    IReadOnlyList<Recorded> EmployeeEvents, IReadOnlyList<Recorded> CaseEvents, Func<string, string, Standard?> StandardOf,
    IReadOnlyList<Alert> FairnessFlags, LawInForce Law, IReadOnlyList<string> BrokenChains, TimeZoneInfo? Zone = null,
    IReadOnlyList<Recorded>? PostEvents = null);

/// <summary>
/// The arbitration checklist: every element of art. 40(2) and guards G1–G11, satisfied with the events
/// that prove it, or missing. It calls the very checks that refuse actions (StandardProvenance,
/// Art40Termination, PayChange, Severance), so the bundle can never claim what the guards would refuse.
/// </summary>
public static class ArbitrationChecklist
{
    public static IReadOnlyList<LegalElement> Build(ChecklistFacts facts)
    {
        var employee = EmployeeBefore(facts.EmployeeEvents, long.MaxValue)
            ?? throw new ArgumentException("the employee stream has no hire event", nameof(facts));
        PerformanceCase? c = null;
        foreach (var e in facts.CaseEvents) c = Events.Fold<PerformanceCase>.Apply(c, e.Data);
        var elements = new List<LegalElement>();
        if (c is null)
        {
            elements.Add(LegalElement.Missing("case-opened", "g4-warning-not-finding", Labels.Case, "no performance case in the history"));
            elements.AddRange(Art40Termination.Elements(null, employee, null));
            elements.AddRange(Art40Termination.NotYetServed());
            elements.Add(Retention(facts, null));
            return elements;
        }

        var of = (Func<Type, IEnumerable<Recorded>>)(t => facts.CaseEvents.Where(e => e.Data.GetType() == t));
        elements.Add(LegalElement.Met("case-opened", "g4-warning-not-finding", Labels.Case, [facts.CaseEvents[0].Ref],
            "the early warning opened a case; it is not a finding of incompetence"));
        // A case closed by a dismissal in probation has art. 39(1)'s checklist, judged as the dismissal was decided.
        if (of(typeof(ProbationDismissed)).FirstOrDefault() is { } dismissed)
        {
            var p = (ProbationDismissed)dismissed.Data;
            var then = EmployeeBefore(facts.EmployeeEvents, dismissed.Sequence)!;
            elements.AddRange(Art39Probation.Judge(then, new Art39Probation.Dismissal(p.ServedOn, p.ConditionsFailed.Select(c => c.Metric).ToList(),
                p.From, p.Until, p.Union.NotifiedOn, p.Delivery), p.ConditionsFailed, 1).Select(x => x with { Evidence = [dismissed.Ref, .. x.Evidence] }));
            elements.Add(Retention(facts, null));
            return elements;
        }

        elements.AddRange(Plans(facts, employee, of));
        elements.Add(Findings(of));
        elements.Add(NoRanking(facts, of));

        var termination = of(typeof(EmploymentTerminated)).Select(e => (Recorded: e, Event: (EmploymentTerminated)e.Data)).FirstOrDefault();
        var notice = termination.Event is { } t
            ? new Art40Termination.Notice(t.NoticeServedOn, t.UnionNotifiedOn, t.NoticeKind, t.EffectiveOn, t.Delivery) : null;
        // A decision is judged on the employee as they stood when it was made (a status recorded later was not known then).
        var decided = termination.Recorded is { } r ? EmployeeBefore(facts.EmployeeEvents, r.Sequence)! : employee;
        elements.AddRange(Art40Termination.Elements(c, decided, notice, facts.Law.Settings));
        if (notice is null) elements.AddRange(Art40Termination.NotYetServed().Where(p => elements.All(x => x.Code != p.Code)));
        else
        {
            elements.Add(Art40Termination.NoticeHonoured(termination.Event!, decided, facts.Law, termination.Recorded!.Ref));
            elements.Add(SeveranceElement(termination.Recorded, termination.Event!, decided, facts.Law.Settings));
        }

        elements.AddRange(ReassignmentFit(facts, of));
        elements.AddRange(PayChanges(facts, of));
        elements.Add(Retention(facts, termination.Event));
        return elements;
    }

    /// <summary>G1 for each plan (standard published before the period and acknowledged), and the plan in effect (acknowledged).</summary>
    private static IEnumerable<LegalElement> Plans(ChecklistFacts facts, Employee employee, Func<Type, IEnumerable<Recorded>> of)
    {
        var plans = of(typeof(PipSet)).GroupBy(e => ((PipSet)e.Data).Assessment).Select(g => g.Last()).ToList();
        if (plans.Count == 0)
        {
            yield return LegalElement.Missing("pip-1", StandardProvenance.Guard, Labels.Plan(1), "no improvement plan has been set");
            yield break;
        }
        foreach (var recorded in plans)
        {
            var plan = (PipSet)recorded.Data;
            var n = plan.Assessment;
            var ack = of(typeof(PipAcknowledged)).FirstOrDefault(e => ((PipAcknowledged)e.Data).Assessment == n && e.Sequence > recorded.Sequence);
            // G1 as the plan took effect: the employee's acknowledgements then, not ones recorded afterwards.
            var then = EmployeeBefore(facts.EmployeeEvents, (ack ?? recorded).Sequence) ?? employee;
            yield return StandardProvenance.Check(then, facts.StandardOf(plan.BrandId, plan.PostId), plan.BrandId, plan.PostId, plan.From, $"pip-{n}-standard");
            yield return ack is null
                ? LegalElement.Missing($"pip-{n}-acknowledged", StandardProvenance.Guard, Labels.Plan(n), "the employee has not acknowledged the plan (nor refused before a witness)")
                : LegalElement.Met($"pip-{n}-acknowledged", StandardProvenance.Guard, Labels.Plan(n), [recorded.Ref, ack.Ref],
                    $"{plan.From:yyyy-MM-dd} – {plan.Until:yyyy-MM-dd}, via {((PipAcknowledged)ack.Data).Via}");
            var until = of(typeof(PipExtended)).Select(e => (PipExtended)e.Data).Where(x => x.Assessment == n).Select(x => x.Until).DefaultIfEmpty(plan.Until).Max();
            yield return Fairness(facts, plan.BrandId, plan.PostId, plan.From, until, n);
        }
    }

    /// <summary>G3: no fairness flag on the post's standard while the period ran.</summary>
    private static LegalElement Fairness(ChecklistFacts facts, string brandId, string postId, DateOnly from, DateOnly until, int n)
    {
        var subject = $"{brandId}/{postId}";
        var zone = facts.Zone ?? TimeZoneInfo.Utc;
        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var flag = facts.FairnessFlags.FirstOrDefault(a => a.Subject == subject
            && Local(a.OpenedAt) <= until && (a.ClosedAt is null || Local(a.ClosedAt.Value) >= from));
        return flag is null
            ? LegalElement.Met($"pip-{n}-fair-target", "g3-target-under-review", Labels.Fair, [$"alerts:fairness:{subject}"],
                $"no fairness flag on {subject} between {from:yyyy-MM-dd} and {until:yyyy-MM-dd}")
            : LegalElement.Missing($"pip-{n}-fair-target", "g3-target-under-review", Labels.Fair, $"{flag.AlertId}: {flag.Message}");
    }

    /// <summary>G4: each finding rests on a full, assessed period of an acknowledged plan.</summary>
    private static LegalElement Findings(Func<Type, IEnumerable<Recorded>> of)
    {
        var findings = of(typeof(IncompetenceFound)).ToList();
        var assessed = of(typeof(PipAssessed)).ToList();
        var unsupported = findings.Where(f => !assessed.Any(a => ((PipAssessed)a.Data).Assessment == ((IncompetenceFound)f.Data).Assessment
            && ((PipAssessed)a.Data).Outcome != AssessmentOutcomes.Met && a.Sequence < f.Sequence)).ToList();
        return unsupported.Count == 0
            ? LegalElement.Met("findings-on-full-periods", "g4-warning-not-finding", Labels.FullPeriods,
                findings.Select(f => f.Ref).Concat(assessed.Select(a => a.Ref)), findings.Count == 0 ? "no finding has been made" : null)
            : LegalElement.Missing("findings-on-full-periods", "g4-warning-not-finding", Labels.FullPeriods,
                $"{string.Join(", ", unsupported.Select(f => f.Ref))} without a failed assessment period");
    }

    /// <summary>
    /// G2: findings compare the employee with absolute targets that come from the acknowledged standard (the same or
    /// milder), never with peers: a target the standard does not set, or a stricter one, is where a ranking could hide.
    /// </summary>
    private static LegalElement NoRanking(ChecklistFacts facts, Func<Type, IEnumerable<Recorded>> of)
    {
        var findings = of(typeof(IncompetenceFound)).ToList();
        var plans = of(typeof(PipSet)).ToDictionary(e => ((PipSet)e.Data).Assessment, e => (PipSet)e.Data);   // the last set of each period
        var problems = new List<string>();
        foreach (var f in findings)
        {
            var found = (IncompetenceFound)f.Data;
            var plan = plans.GetValueOrDefault(found.Assessment);
            var version = plan is null ? null : facts.StandardOf(plan.BrandId, plan.PostId)?.InForceOn(plan.From);
            foreach (var r in found.Results.Where(r => !r.Met))
            {
                var standard = version?.Metrics.GetValueOrDefault(r.Metric);
                if (standard is null) problems.Add($"{f.Ref}: the standard sets no target for {r.Metric}");
                else if (standard.Direction == TargetDirection.AtLeast ? r.Target.Target > standard.Target : r.Target.Target < standard.Target)
                    problems.Add($"{f.Ref}: {r.Metric} target {r.Target.Target} is stricter than the standard's {standard.Target}");
            }
        }
        return problems.Count == 0
            ? LegalElement.Met("no-forced-ranking", "g2-forced-ranking", Labels.NoRanking, findings.Select(f => f.Ref),
                findings.Count == 0 ? "no finding has been made" : "every failed metric is measured against a target of the acknowledged standard")
            : LegalElement.Missing("no-forced-ranking", "g2-forced-ranking", Labels.NoRanking, string.Join("; ", problems));
    }

    /// <summary>
    /// G9 as of the decision: the art. 47 arithmetic redone on what the decision recorded — the employee's service as it
    /// stood then, the month's wage it used and the city's figures in force then — so a later figure, payroll row or
    /// setting cannot change an old bundle's verdict.
    /// </summary>
    private static LegalElement SeveranceElement(Recorded recorded, EmploymentTerminated t, Employee employee, LawSettings law)
    {
        var used = t.Severance;
        if (used.MinimumMonthlyWage is not { } minimum || used.CityAverageMonthlyWage is not { } average)
            return LegalElement.Missing("severance", "g9-severance", Labels.Severance,
                "recorded without the city's published figures (before they were kept as dated master data): the arithmetic cannot be re-checked");
        var city = employee.Facts.City ?? "?";
        var figures = new Law.Figures.CityFigures(city,
            new Law.Figures.LawFigure(city, Law.Figures.LawFigureKind.MinimumMonthlyWage, t.EffectiveOn, minimum, "as recorded"),
            new Law.Figures.LawFigure(city, Law.Figures.LawFigureKind.AverageMonthlyWage, t.EffectiveOn, average, "as recorded"));
        var expected = Severance.Calculate(new SeveranceFacts(employee.ServiceFrom, employee.HiredOn, t.EffectiveOn, [],
            _ => used.AverageMonthlyWage, figures), law).Calculation!;
        return expected.Amount == used.Amount
            ? LegalElement.Met("severance", "g9-severance", Labels.Severance, [recorded.Ref], used.Explanation)
            : LegalElement.Missing("severance", "g9-severance", Labels.Severance,
                $"recorded {used.Amount:0.00}, art. 47 gives {expected.Amount:0.00} ({expected.Explanation})");
    }

    /// <summary>G5 调岗: the post left listed the new one as compatible when the reassignment was decided.</summary>
    private static IEnumerable<LegalElement> ReassignmentFit(ChecklistFacts facts, Func<Type, IEnumerable<Recorded>> of)
    {
        const string label = "调岗适当 the new post was listed as compatible with the old one";
        foreach (var r in of(typeof(EmployeeReassigned)))
        {
            var e = (EmployeeReassigned)r.Data;
            var history = (facts.PostEvents ?? []).Where(p => p.StreamId == Common.StreamKeys.Post(e.FromPostId) && p.Sequence < r.Sequence).ToList();
            Post? from = null;
            foreach (var p in history) from = p.Data switch { PostDefined d => Post.Create(d), PostRevised v => from?.Apply(v), _ => from };
            yield return from is not null && from.CompatiblePosts.Contains(e.ToPostId)
                ? LegalElement.Met("reassignment-fit", "g5-reassignment-not-suitable", label, [history[^1].Ref, r.Ref],
                    $"{e.FromPostId} → {e.ToPostId}, band {e.NewPostPayBand.Min:0}–{e.NewPostPayBand.Max:0}")
                : LegalElement.Missing("reassignment-fit", "g5-reassignment-not-suitable", label,
                    from is null ? $"no definition of {e.FromPostId} in the history" : $"{e.FromPostId} did not list {e.ToPostId} as compatible");
        }
    }

    /// <summary>G10: each pay change, re-checked by art. 35 against the profile as it stood just before it (by event sequence).</summary>
    private static IEnumerable<LegalElement> PayChanges(ChecklistFacts facts, Func<Type, IEnumerable<Recorded>> of)
    {
        var changes = of(typeof(EmployeeReassigned)).Concat(of(typeof(PayAdjusted))).ToList();
        if (changes.Count == 0)
            yield return LegalElement.Met("pay-unchanged", PayChange.Guard, "薪酬未变更 pay not changed in the case", [],
                "no reassignment or pay adjustment was recorded");
        foreach (var r in of(typeof(EmployeeReassigned)))
        {
            var e = (EmployeeReassigned)r.Data;
            var before = EmployeeBefore(facts.EmployeeEvents, r.Sequence)!;
            var post = new Post($"post:{e.ToPostId}", e.ToPostId, e.ToPostId, "", new PayBand(e.NewPostPayBand.Min, e.NewPostPayBand.Max), []);
            foreach (var x in PayChange.ForReassignment(before, post, e.NewMonthlySalary, e.ConsentRef, facts.Law, e.EffectiveOn))
                yield return x with { Evidence = [r.Ref, .. x.Evidence] };
        }
        foreach (var r in of(typeof(PayAdjusted)))
        {
            var e = (PayAdjusted)r.Data;
            var before = EmployeeBefore(facts.EmployeeEvents, r.Sequence)!;
            foreach (var x in PayChange.ForAdjustment(before, e.NewMonthlySalary, e.ConsentRef, facts.Law, e.EffectiveOn))
                yield return x with { Evidence = [r.Ref, .. x.Evidence] };
        }
    }

    /// <summary>G11: nothing deleted or changed (every chain verifies), kept at least two years after the end (art. 50).</summary>
    private static LegalElement Retention(ChecklistFacts facts, EmploymentTerminated? t)
    {
        var keepUntil = t is null ? "while employed, and 2 years after the contract ends" : $"at least until {t.EffectiveOn.AddYears(2):yyyy-MM-dd}";
        return facts.BrokenChains.Count == 0
            ? LegalElement.Met("retention-integrity", "g11-retention", Labels.Retention, ["integrity"], $"every hash chain verifies; keep {keepUntil}")
            : LegalElement.Missing("retention-integrity", "g11-retention", Labels.Retention, $"broken: {string.Join(", ", facts.BrokenChains)}");
    }

    /// <summary>The profile folded from the employee events recorded before a sequence number (sequences are store-wide).</summary>
    private static Employee? EmployeeBefore(IReadOnlyList<Recorded> events, long sequence)
    {
        Employee? employee = null;
        foreach (var e in events.Where(e => e.Sequence < sequence)) employee = Events.Fold<Employee>.Apply(employee, e.Data);
        return employee;
    }

    private static class Labels
    {
        public const string Case = "预警立案（非认定）warning opened a case, not a finding";
        public static string Plan(int n) => $"绩效改进计划 #{n} 已生效 improvement plan #{n} in effect (set and acknowledged)";
        public const string Fair = "目标公平 target not under a fairness review during the period";
        public const string FullPeriods = "认定基于完整考核期 findings rest on full, assessed plan periods";
        public const string NoRanking = "非末位淘汰 no finding from ranking among peers";
        public const string Severance = "经济补偿金计算 severance per art. 47";
        public const string Retention = "证据保存且未被篡改 evidence kept and unaltered";
    }
}
