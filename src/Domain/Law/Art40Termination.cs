using EventHr.Domain.Cases;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Law;

/// <summary>
/// Labour Contract Law art. 40(2): an employee who cannot do the job, and after training or a
/// reassignment still cannot, may be dismissed with 30 days' written notice or a month's pay in
/// lieu, provided art. 42 does not protect them (G6) and the union was told first (art. 43, G7).
/// Each precondition is an element with the events that prove it.
/// </summary>
public static class Art40Termination
{
    public const string FirstFinding = "art40-2-first-finding-missing";
    public const string Remedy = "art40-2-remedy-missing";
    public const string SecondAssessment = "art40-2-second-assessment-missing";
    public const string Protected = "art42-protected-status";
    public const string Union = "art43-union-not-notified";
    public const string NoticeGuard = "art40-notice-missing";
    public const string Sequence = "g12-notice-out-of-sequence";

    /// <param name="EffectiveOn">the last day of employment the notice leads to (the service day itself with pay in lieu)</param>
    /// <param name="Delivered">how the written notice reached the employee, when recorded</param>
    public sealed record Notice(DateOnly ServedOn, DateOnly? UnionNotifiedOn, string? NoticeKind, DateOnly? EffectiveOn = null,
        Cases.Decisions.NoticeDelivery? Delivered = null);

    /// <remarks>With no case at all (an evidence bundle of someone never warned) every step is missing.</remarks>
    public static IReadOnlyList<LegalElement> Elements(PerformanceCase? c, Employee employee, Notice? notice, LawSettings? law = null)
    {
        var caseRef = $"case:{c?.CaseId}";
        var first = c?.Findings.FirstOrDefault(f => f.Number == 1);
        var second = c?.Findings.FirstOrDefault(f => f.Number == 2);
        var remedy = first is null ? null : RemedyAfter(c!, first);
        var elements = new List<LegalElement>
        {
            first is null
                ? LegalElement.Missing("finding-1", FirstFinding, "第一次不能胜任认定 first incompetence finding (a full plan period failed)")
                : LegalElement.Met("finding-1", FirstFinding, "第一次不能胜任认定 first incompetence finding", [$"{caseRef}#finding-1"]),
            remedy is null
                ? LegalElement.Missing("remedy", Remedy, "培训或调岗 training completed for the failing metric, or a reassignment in effect")
                : LegalElement.Met("remedy", Remedy, "培训或调岗 training or reassignment after finding #1", [remedy]),
            second is null
                ? LegalElement.Missing("second-assessment", SecondAssessment, "再次考核仍不能胜任 a second full assessment period failed after the remedy")
                : LegalElement.Met("second-assessment", SecondAssessment, "再次考核仍不能胜任 second incompetence finding", [$"{caseRef}#finding-2"]),
        };
        if (notice is null) return elements;

        // G12: the notice follows finding #2 (and is served while that finding is recent); the union hears first.
        var foundOn = second is null ? (DateOnly?)null : DateOnly.FromDateTime(second.At.UtcDateTime);
        var maxAge = (law ?? new LawSettings()).FindingMaxAgeDays;
        if (foundOn is { } found)
            elements.Add(notice.ServedOn < found
                ? LegalElement.Missing("notice-after-finding-2", Sequence, "通知在第二次认定之后 notice served after finding #2",
                    $"served {notice.ServedOn:yyyy-MM-dd}, before finding #2 of {found:yyyy-MM-dd}")
                : notice.ServedOn > found.AddDays(maxAge)
                    ? LegalElement.Missing("notice-after-finding-2", Sequence, "通知在第二次认定之后 notice served after finding #2",
                        $"finding #2 of {found:yyyy-MM-dd} is more than {maxAge} days old on {notice.ServedOn:yyyy-MM-dd}: assess again")
                    : LegalElement.Met("notice-after-finding-2", Sequence, "通知在第二次认定之后 notice served after finding #2",
                        [$"{caseRef}#finding-2"], $"finding #2 {found:yyyy-MM-dd}, served {notice.ServedOn:yyyy-MM-dd}"));

        // G6 over the whole notice, from the day it is served to the day it takes effect (art. 42(5) computed from the
        // birth date and service included): a status on the service day forbids the notice; one that begins during it
        // postpones the end until the status ends.
        var until = notice.EffectiveOn ?? notice.ServedOn;
        var onService = ProtectedDuring(employee, notice.ServedOn, notice.ServedOn);
        var postponedBy = PostponedBy(employee, notice.ServedOn, until);
        var span = until > notice.ServedOn ? $"{notice.ServedOn:yyyy-MM-dd}..{until:yyyy-MM-dd}" : $"{notice.ServedOn:yyyy-MM-dd}";
        elements.Add(onService.Count == 0
            ? LegalElement.Met("no-protected-status", Protected, "无第42条保护情形 no art. 42 protection during the notice",
                [$"employee:{employee.EmployeeId}#protections"], postponedBy is null ? $"checked over {span}"
                    : $"checked over {span}; {postponedBy.Kind} from {postponedBy.From:yyyy-MM-dd} postpones the end until it ends")
            : LegalElement.Missing("no-protected-status", Protected, "无第42条保护情形 no art. 42 protection during the notice",
                $"protected on {notice.ServedOn:yyyy-MM-dd}: {string.Join(", ", onService.Select(p => $"{p.Kind} from {p.From:yyyy-MM-dd}"))}"));
        elements.Add(notice.UnionNotifiedOn is { } union && union <= notice.ServedOn && (foundOn is null || union >= foundOn)
            ? LegalElement.Met("union-notified", Union, "事先通知工会 union notified of the reasons before notice", [$"{caseRef}#union-{union:yyyy-MM-dd}"])
            : LegalElement.Missing("union-notified", Union, "事先通知工会 union notified of the reasons before notice",
                notice.UnionNotifiedOn is null ? "no union notice recorded"
                : notice.UnionNotifiedOn > notice.ServedOn ? "the union was notified after the notice was served"
                : $"the union was notified on {notice.UnionNotifiedOn:yyyy-MM-dd}, before finding #2 gave the reasons"));
        var delivered = notice.Delivered is { Method: not null, Reference: { Length: > 0 } };
        elements.Add(notice.NoticeKind is "30-days" or "pay-in-lieu" && delivered
            ? LegalElement.Met("notice", NoticeGuard, "提前30日书面通知或支付代通知金 30 days' notice or pay in lieu, delivered in writing",
                [$"{caseRef}#notice"], $"{notice.Delivered!.Method}: {notice.Delivered.Reference}")
            : LegalElement.Missing("notice", NoticeGuard, "提前30日书面通知或支付代通知金 30 days' notice or pay in lieu, delivered in writing",
                notice.NoticeKind is null ? "no notice kind" : "no delivery record (how the written notice reached the employee, with a reference)"));
        return elements;
    }

    /// <summary>
    /// G8 on the record: the recorded effective date is at least the notice days after service, or the
    /// pay in lieu is the month's wage on the day of service.
    /// </summary>
    public static LegalElement NoticeHonoured(EmploymentTerminated t, Employee employee, LawInForce law, string reference)
    {
        const string label = "通知期或代通知金已履行 notice period or pay in lieu honoured";
        if (t.NoticeKind == "pay-in-lieu")
        {
            var wage = law.PayInLieuOf(employee, t.NoticeServedOn).Amount;
            return t.PayInLieu >= wage
                ? LegalElement.Met("notice-honoured", NoticeGuard, label, [reference], $"pay in lieu {t.PayInLieu:0.00} = one month's wage")
                : LegalElement.Missing("notice-honoured", NoticeGuard, label, $"pay in lieu {t.PayInLieu:0.00} is below the month's wage {wage:0.00}");
        }
        var earliest = t.NoticeServedOn.AddDays(law.Settings.NoticeDays);
        return t.EffectiveOn >= earliest
            ? LegalElement.Met("notice-honoured", NoticeGuard, label, [reference], $"served {t.NoticeServedOn:yyyy-MM-dd}, effective {t.EffectiveOn:yyyy-MM-dd}")
            : LegalElement.Missing("notice-honoured", NoticeGuard, label, $"effective {t.EffectiveOn:yyyy-MM-dd} is before {earliest:yyyy-MM-dd}");
    }

    /// <summary>A status that begins after the service day and by the end: the end waits for it (the longest-lasting one).</summary>
    public static Protection? PostponedBy(Employee employee, DateOnly servedOn, DateOnly endsOn) =>
        ProtectedDuring(employee, servedOn.AddDays(1), endsOn).Where(p => p.From > servedOn)
            .OrderBy(p => p.To is null ? 0 : 1).ThenByDescending(p => p.To).FirstOrDefault();

    /// <summary>The art. 42 statuses in force on any day from one date to another.</summary>
    public static IReadOnlyList<Protection> ProtectedDuring(Employee employee, DateOnly from, DateOnly until)
    {
        var recorded = employee.Protections.Where(p => p.From <= until && (p.To is null || p.To >= from));
        var computed = employee.LongServiceNearRetirement() is { } l && l.From <= until && l.To >= from ? [l] : Array.Empty<Protection>();
        return [.. recorded, .. computed];
    }

    /// <summary>The notice elements before any notice is served: listed as missing in the evidence checklist.</summary>
    public static IReadOnlyList<LegalElement> NotYetServed() =>
    [
        LegalElement.Missing("no-protected-status", Protected, "无第42条保护情形 no art. 42 protection during the notice", "no notice served yet"),
        LegalElement.Missing("union-notified", Union, "事先通知工会 union notified of the reasons before notice", "no union notice recorded"),
        LegalElement.Missing("notice", NoticeGuard, "提前30日书面通知或支付代通知金 30 days' notice or pay in lieu, delivered in writing", "no notice served yet"),
    ];

    /// <summary>
    /// G5: training completed for a metric that failed, or a reassignment in effect, after finding #1. A course that
    /// names no metric is support, not the remedy: training "for the job" must target what the employee failed at.
    /// </summary>
    public static string? RemedyAfter(PerformanceCase c, Finding first) => RemedyOf(c, first)?.Ref;

    /// <summary>G12: the first day the remedy is in effect — the day after the training was completed, or the reassignment's effective date.</summary>
    public static DateOnly? RemedyInEffectFrom(PerformanceCase c, Finding first) => RemedyOf(c, first)?.From;

    private static (string Ref, DateOnly From)? RemedyOf(PerformanceCase c, Finding first)
    {
        var training = c.Trainings.FirstOrDefault(t => t.CompletedOn is not null && t.AssignedAt >= first.At
            && t.Metric is not null && first.FailedMetrics.Contains(t.Metric));
        if (training is not null) return ($"case:{c.CaseId}#training-{training.Number}", training.CompletedOn!.Value.AddDays(1));
        if (c.Reassignment is { } r && r.At >= first.At) return ($"case:{c.CaseId}#reassigned-{r.ToPostId}", r.EffectiveOn);
        return null;
    }
}
