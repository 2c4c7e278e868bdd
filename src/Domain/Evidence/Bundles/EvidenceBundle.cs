using EventHr.Domain.Cases;
using EventHr.Domain.Evidence.Integrity;
using EventHr.Domain.Kpi;
using EventHr.Domain.Law;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Evidence.Bundles;

/// <summary>仲裁证据包: what a tribunal is handed, in time order, with the legal checklist and the integrity proof.</summary>
public sealed record EvidenceBundle(
    string Title, string EmployeeId, string EmployeeName, string? CaseId, DateTimeOffset? AsOf, DateTimeOffset GeneratedAt,
    string GeneratedBy, string TimeZone, EmploymentAtHire AtHire, IReadOnlyList<EvidenceEntry> Timeline,
    IReadOnlyList<PeriodTallies> Periods, IReadOnlyList<CorrectionAfterDecision> CorrectionsAfterDecisions,
    EmploymentTerminated? Termination, IReadOnlyList<LegalElement> Checklist, bool ChecklistSatisfied, IntegritySection Integrity,
    IReadOnlyList<EvidenceExported> PreviousExports)
{
    /// <summary>How to read the checklist: the elements are the preconditions of an art. 40(2) termination.</summary>
    public string ChecklistNote =>
        "满足 satisfied = proven by the events cited. The checklist lists the preconditions of an art. 40(2) termination (G1–G11): " +
        "for a case that ended otherwise, or has not reached that point, the later steps show as missing.";
}

/// <summary>Contract terms and post at hire.</summary>
public sealed record EmploymentAtHire(DateOnly HiredOn, string BrandId, string Region, string Department, string PostId,
    decimal MonthlySalary, ContractTerms Contract);

/// <summary>One event of the timeline: when (UTC and in the employee's time zone), what, who, and its seal.</summary>
public sealed record EvidenceEntry(DateTimeOffset At, string LocalTime, string Type, string Title, string Ref, string Actor,
    string? Hash, object Data);

/// <summary>A tally row as recorded, whether it is in force at the bundle's instant or was replaced by a correction.</summary>
public sealed record TallyLine(DateOnly Date, string SourceId, RawMetrics Metrics, string Status, string? CorrectedBy,
    DateTimeOffset RecordedAt, string BatchStream, string? BatchHash);

/// <summary>The daily tallies behind a warning or an assessment period, under the post held then.</summary>
public sealed record PeriodTallies(string Label, DateOnly From, DateOnly Until, string PostId, IReadOnlyList<TallyLine> Days);

/// <summary>A tally corrected after a decision that relied on it: the decision keeps the figures it used; here are old and new.</summary>
public sealed record CorrectionAfterDecision(string DecisionRef, string DecisionType, DateTimeOffset DecidedAt, DateOnly Date,
    string OldSourceId, RawMetrics OldValues, string NewSourceId, RawMetrics NewValues, DateTimeOffset CorrectedAt);

/// <summary>A stored tally row with its provenance: the batch event that carried it and that event's seal.</summary>
public sealed record EvidenceTally(string SourceId, DateOnly Date, RawMetrics Metrics, string? Corrects, DateTimeOffset RecordedAt,
    string BatchStream, string? BatchHash);
