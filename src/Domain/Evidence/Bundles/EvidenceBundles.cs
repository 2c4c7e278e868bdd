using System.Globalization;
using System.Text.Json;
using EventHr.Domain.Cases;
using EventHr.Domain.Evidence.Checklist;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Evidence.Bundles;

public static class EvidenceBundles
{
    private static readonly string[] DecisionTypes = ["pip_assessed", "pip_passed", "pip_extended", "incompetence_found"];

    /// <summary>The dates whose tallies the bundle shows: from the first low day of the warning to the end of the last plan.</summary>
    public static (DateOnly From, DateOnly To)? TallyRange(IReadOnlyList<Recorded> caseEvents)
    {
        var periods = Periods(caseEvents);
        return periods.Count == 0 ? null : (periods.Min(p => p.From), periods.Max(p => p.Until));
    }

    public static EvidenceBundle Build(EvidenceInput input)
    {
        var employee = input.EmployeeEvents.Select(e => e.Data).OfType<EmployeeHired>().FirstOrDefault()
            ?? throw new ArgumentException("the employee stream has no hire event", nameof(input));
        // Each entry shows the event body exactly as stored (the text its hash covers), not a re-serialisation.
        var stored = input.Integrity.Chains.SelectMany(c => c.Events.Select(e => (Key: $"{c.StreamId}#v{e.Version}", Event: e)))
            .ToDictionary(x => x.Key, x => x.Event);
        var timeline = input.EmployeeEvents.Concat(input.StandardEvents).Concat(input.PostEvents ?? []).Concat(input.CaseEvents)
            .OrderBy(e => e.At).ThenBy(e => e.Sequence)
            .Select(e => stored.TryGetValue(e.Ref, out var s)
                ? new EvidenceEntry(e.At, Local(e.At, input.TimeZone), e.Type, Events.EventCatalogue.TitleOf(e.Type), e.Ref, e.Actor, s.Hash,
                    JsonDocument.Parse(s.Data).RootElement.Clone())
                : new EvidenceEntry(e.At, Local(e.At, input.TimeZone), e.Type, Events.EventCatalogue.TitleOf(e.Type), e.Ref, e.Actor, null, e.Data))
            .ToList();

        var standards = input.StandardEvents.GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g =>
        {
            Standard? s = null;
            foreach (var e in g) s = e.Data is StandardPublished p ? s is null ? Standard.Create(p) : s.Apply(p) : s;
            return s;
        });
        var checklist = ArbitrationChecklist.Build(new ChecklistFacts(input.EmployeeEvents, input.CaseEvents,
            (brand, post) => standards.GetValueOrDefault(Common.StreamKeys.Standard(brand, post)), input.FairnessFlags, input.Law,
            input.Integrity.Chains.Where(c => !c.Verdict.Valid).Select(c => $"{c.StreamId}@v{c.Verdict.BrokenAt}").ToList(), input.TimeZone,
            input.PostEvents));

        return new EvidenceBundle("仲裁证据包 Arbitration evidence bundle", input.EmployeeId, employee.Name, input.CaseId, input.AsOf,
            input.GeneratedAt, input.GeneratedBy, input.TimeZone.Id,
            new EmploymentAtHire(employee.HiredOn, employee.BrandId, employee.Region, employee.Department, employee.PostId,
                employee.MonthlySalary, employee.Contract),
            timeline, Periods(input.CaseEvents).Select(p => p with { Days = Lines(input.Tallies, p.From, p.Until) }).ToList(),
            Corrections(input.CaseEvents, input.Tallies),
            input.CaseEvents.Select(e => e.Data).OfType<EmploymentTerminated>().FirstOrDefault(),
            checklist, checklist.All(e => e.Satisfied), input.Integrity, input.PreviousExports ?? []);
    }

    /// <summary>The warning's low days, then each plan period (as finally extended), under the post of that plan.</summary>
    private static List<PeriodTallies> Periods(IReadOnlyList<Recorded> caseEvents)
    {
        var periods = new List<PeriodTallies>();
        if (caseEvents.Select(e => e.Data).OfType<PerformanceCaseOpened>().FirstOrDefault() is { } opened)
            periods.Add(new PeriodTallies("预警期 warning days", opened.Breaches.Min(b => b.LowSince), opened.TriggeredOn, opened.PostId, []));
        var extensions = caseEvents.Select(e => e.Data).OfType<PipExtended>().ToList();
        foreach (var plan in caseEvents.Select(e => e.Data).OfType<PipSet>().GroupBy(p => p.Assessment).Select(g => g.Last()))
        {
            var until = extensions.Where(x => x.Assessment == plan.Assessment).Select(x => x.Until).DefaultIfEmpty(plan.Until).Max();
            periods.Add(new PeriodTallies($"考核期 #{plan.Assessment} assessment period", plan.From, until, plan.PostId, []));
        }
        return periods;
    }

    private static List<TallyLine> Lines(IReadOnlyList<EvidenceTally> tallies, DateOnly from, DateOnly until)
    {
        var correctedBy = tallies.Where(t => t.Corrects is not null).GroupBy(t => t.Corrects!).ToDictionary(g => g.Key, g => g.Last().SourceId);
        return tallies.Where(t => t.Date >= from && t.Date <= until).OrderBy(t => t.Date).ThenBy(t => t.RecordedAt)
            .Select(t => new TallyLine(t.Date, t.SourceId, t.Metrics, correctedBy.ContainsKey(t.SourceId) ? "corrected" : "in-force",
                correctedBy.GetValueOrDefault(t.SourceId), t.RecordedAt, t.BatchStream, t.BatchHash))
            .ToList();
    }

    /// <summary>Corrections recorded after a decision to a day of the period that decision judged.</summary>
    private static List<CorrectionAfterDecision> Corrections(IReadOnlyList<Recorded> caseEvents, IReadOnlyList<EvidenceTally> tallies)
    {
        var bySource = tallies.ToDictionary(t => t.SourceId);
        var result = new List<CorrectionAfterDecision>();
        foreach (var decision in caseEvents.Where(e => DecisionTypes.Contains(e.Type)))
        {
            var assessment = decision.Data switch
            {
                PipAssessed a => a.Assessment, PipPassed p => p.Assessment, PipExtended x => x.Assessment, IncompetenceFound f => f.Assessment, _ => 0
            };
            var period = caseEvents.Where(e => e.Sequence <= decision.Sequence).Select(e => e.Data).OfType<PipAssessed>()
                .LastOrDefault(a => a.Assessment == assessment);
            if (period is null) continue;
            foreach (var fix in tallies.Where(t => t.Corrects is not null && t.RecordedAt > decision.At && t.Date >= period.From && t.Date <= period.Until))
                if (bySource.TryGetValue(fix.Corrects!, out var old))
                    result.Add(new CorrectionAfterDecision(decision.Ref, decision.Type, decision.At, fix.Date, old.SourceId, old.Metrics,
                        fix.SourceId, fix.Metrics, fix.RecordedAt));
        }
        return result;
    }

    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
