using EventHr.Domain.Kpi;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Cases;

/// <summary>
/// A metric below the rule's threshold for consecutive tallied days, with the figures as they stood.
/// <c>LowSince</c> is the first day of the whole low run (it may be longer than the rule's N days).
/// </summary>
public sealed record Breach(string Metric, MetricTarget Target, int StandardVersion, decimal Threshold,
    IReadOnlyList<DateOnly> Dates, IReadOnlyList<decimal> Values, DateOnly LowSince);

/// <summary>One support measure of a plan: why (diagnosis) and what (a recommended course).</summary>
public sealed record SupportMeasure(string Metric, string Diagnosis, string Course);

public sealed record PipTarget(decimal Target, TargetDirection Direction);

/// <summary>
/// The early-warning rule fired for an employee with no open case (G4: this opens a case; it is
/// not a finding of incompetence).
/// </summary>
public sealed record PerformanceCaseOpened(string CaseId, string EmployeeId, string BrandId, string PostId, string Department,
    string ManagerId, string HrId, DateOnly TriggeredOn, IReadOnlyList<Breach> Breaches, DateTimeOffset OpenedAt);

/// <summary>HR and the department head were told, the same day the pattern appeared.</summary>
public sealed record WarningRaised(string CaseId, string EmployeeId, IReadOnlyList<string> Recipients, string Message,
    DateOnly BusinessDate, DateTimeOffset RaisedAt);

/// <summary>A later breach while the case is open; it attaches to the case rather than opening another.</summary>
public sealed record BreachAttached(string CaseId, DateOnly BusinessDate, IReadOnlyList<Breach> Breaches, DateTimeOffset AttachedAt);

public sealed record ConversationNoted(string CaseId, int Number, string Text, string? EmployeeResponse, string NotedBy,
    DateTimeOffset NotedAt);

/// <summary>The system's proposal: targets, period and support chosen by diagnosis. Not in effect until acknowledged.</summary>
public sealed record PipDrafted(string CaseId, int Assessment, IReadOnlyDictionary<string, PipTarget> Targets, DateOnly From,
    DateOnly Until, IReadOnlyList<SupportMeasure> Support, IReadOnlyDictionary<string, decimal> Baseline, DateTimeOffset DraftedAt);

/// <summary>HR or the manager set the plan (accepting or amending the draft, or the plan of the second assessment).</summary>
public sealed record PipSet(string CaseId, int Assessment, IReadOnlyDictionary<string, PipTarget> Targets, DateOnly From,
    DateOnly Until, IReadOnlyList<SupportMeasure> Support, IReadOnlyDictionary<string, decimal> Baseline,
    string BrandId, string PostId, int StandardVersion, string SetBy, DateTimeOffset SetAt);

/// <summary>The plan took effect: the employee acknowledged it, or HR recorded a witnessed refusal.</summary>
public sealed record PipAcknowledged(string CaseId, int Assessment, string BrandId, string PostId, int StandardVersion, string Via,
    string? Witness, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record MetricResult(string Metric, PipTarget Target, decimal? Baseline, decimal? PeriodAverage, int DaysTallied,
    bool Met, decimal? RelativeImprovement);

/// <summary>The plan period ended (its last business day was tallied) and its data was assessed.</summary>
public sealed record PipAssessed(string CaseId, int Assessment, DateOnly From, DateOnly Until, string Outcome,
    IReadOnlyList<MetricResult> Results, IReadOnlyList<string> SourceIds, DateTimeOffset AssessedAt);

/// <summary>Targets met (or an improving period accepted by the manager): the case closes.</summary>
public sealed record PipPassed(string CaseId, int Assessment, string Reason, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>Missed but clearly improving: the manager moved the deadline. An extension is not a finding (G5).</summary>
public sealed record PipExtended(string CaseId, int Assessment, DateOnly PreviousUntil, DateOnly Until, string Reason,
    IReadOnlyList<MetricResult> Improvement, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>不能胜任工作: a full assessment period failed under an acknowledged standard (G4).</summary>
public sealed record IncompetenceFound(string CaseId, int Number, int Assessment, IReadOnlyList<MetricResult> Results,
    string DecidedBy, DateTimeOffset DecidedAt);

public sealed record TrainingAssigned(string CaseId, int Number, string Course, string? Metric, DateOnly ScheduledOn,
    string AssignedBy, DateTimeOffset AssignedAt);

public sealed record TrainingCompleted(string CaseId, int Number, DateOnly CompletedOn, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>调岗: the employee moved to a compatible post (in the case, as the remedy of G5).</summary>
public sealed record EmployeeReassigned(string CaseId, string EmployeeId, string FromPostId, string ToPostId, DateOnly EffectiveOn,
    decimal PreviousMonthlySalary, decimal NewMonthlySalary, PayBandSnapshot NewPostPayBand, string PayBasis, string? ConsentRef,
    string Reason, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record PayBandSnapshot(decimal Min, decimal Max);

/// <summary>降薪/调薪 without a change of post: only on a signed agreement (Art. 35, G10).</summary>
public sealed record PayAdjusted(string CaseId, string EmployeeId, DateOnly EffectiveOn, decimal PreviousMonthlySalary,
    decimal NewMonthlySalary, string ConsentRef, string Reason, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>The deadline passed on the wall clock with no data for the period: HR is asked to act; nothing is decided.</summary>
public sealed record AssessmentDataMissing(string CaseId, int Assessment, DateOnly Until, IReadOnlyList<string> Recipients,
    DateTimeOffset EscalatedAt);

/// <param name="MinimumMonthlyWage">the city's minimum wage the base was floored at</param>
/// <param name="MonthsBefore2008">the months owed for service before 2008 under the rule of its time (art. 97)</param>
/// <param name="WagesFrom">where the month's wage came from (payroll months, or the contract rate)</param>
/// <param name="FiguresUsed">the dated law figures used, with their sources</param>
public sealed record SeveranceCalculation(decimal AverageMonthlyWage, decimal? CityAverageMonthlyWage, decimal Base, bool BaseCapped,
    int FullYears, int ExtraMonths, decimal Months, bool YearsCapped, decimal Amount, string Explanation,
    decimal? MinimumMonthlyWage = null, decimal MonthsBefore2008 = 0, string? WagesFrom = null, IReadOnlyList<string>? FiguresUsed = null);

/// <summary>试用期解除 under art. 39(1): a hiring condition shown missed by the period's tallies, within probation; no notice, no severance.</summary>
public sealed record ProbationDismissed(string CaseId, string EmployeeId, string Reason, IReadOnlyList<Law.ConditionResult> ConditionsFailed,
    DateOnly From, DateOnly Until, DateOnly ServedOn, Decisions.NoticeDelivery Delivery, Decisions.UnionConsultation Union,
    string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>解除劳动合同 under Art. 40(2), accepted only with every precondition in the history.</summary>
public sealed record EmploymentTerminated(string CaseId, string EmployeeId, string Reason, DateOnly UnionNotifiedOn,
    DateOnly NoticeServedOn, string NoticeKind, DateOnly EffectiveOn, decimal PayInLieu, SeveranceCalculation Severance,
    IReadOnlyList<string> FindingRefs, string DecidedBy, DateTimeOffset DecidedAt,
    Decisions.NoticeDelivery? Delivery = null, Decisions.UnionConsultation? Union = null, Staff.Protection? EndPostponedBy = null);
