namespace EventHr.Domain.Cases;

/// <remarks>
/// <c>AssessFrom</c> is where the data that decides the period starts: the plan's start, or after an
/// extension the day after the previous deadline, so an extension judges the extra time on its own.
/// </remarks>
public sealed record Plan(int Assessment, IReadOnlyDictionary<string, PipTarget> Targets, DateOnly From, DateOnly Until,
    IReadOnlyList<SupportMeasure> Support, IReadOnlyDictionary<string, decimal> Baseline, string BrandId, string PostId,
    int? StandardVersion, bool Drafted, bool Acknowledged)
{
    public DateOnly AssessFrom { get; init; } = From;

    /// <summary>The period is over once its last business day has been tallied (or any later one).</summary>
    public bool IsEndedBy(DateOnly tallied) => tallied >= Until;
}

public sealed record Finding(int Number, int Assessment, DateOnly PeriodUntil, DateTimeOffset At, IReadOnlyList<string> FailedMetrics);

public sealed record Training(int Number, string Course, string? Metric, DateOnly ScheduledOn, DateOnly? CompletedOn, DateTimeOffset AssignedAt);

public sealed record Reassignment(string FromPostId, string ToPostId, DateOnly EffectiveOn, decimal NewMonthlySalary, DateTimeOffset At);

/// <summary>A performance case folded from its stream ("case:{caseId}").</summary>
public sealed record PerformanceCase(
    string Id, string CaseId, string EmployeeId, string BrandId, string PostId, string Department, string ManagerId, string HrId,
    CaseStatus Status, DateOnly OpenedOn, DateOnly LastBreachOn, IReadOnlyList<string> FailingMetrics, int Notes,
    Plan? Plan, IReadOnlyList<PipAssessed> Assessments, IReadOnlyList<Finding> Findings, IReadOnlyList<Training> Trainings,
    Reassignment? Reassignment, IReadOnlyList<DateOnly> EscalatedDeadlines, string? Outcome)
{
    public static string StreamKey(string caseId) => $"case:{caseId}";

    public bool IsOpen => Status != CaseStatus.Closed;

    public static PerformanceCase Create(PerformanceCaseOpened e) => new(StreamKey(e.CaseId), e.CaseId, e.EmployeeId, e.BrandId,
        e.PostId, e.Department, e.ManagerId, e.HrId, CaseStatus.PlanPending, e.TriggeredOn, e.TriggeredOn,
        e.Breaches.Select(b => b.Metric).Distinct().ToList(), 0, null, [], [], [], null, [], null);

    public PerformanceCase Apply(WarningRaised _) => this;

    public PerformanceCase Apply(BreachAttached e) => this with { LastBreachOn = e.BusinessDate };

    public PerformanceCase Apply(ConversationNoted e) => this with { Notes = e.Number };

    public PerformanceCase Apply(PipDrafted e) => this with
    {
        Plan = new Plan(e.Assessment, e.Targets, e.From, e.Until, e.Support, e.Baseline, BrandId, PostId, null, true, false)
    };

    public PerformanceCase Apply(PipSet e) => this with
    {
        Status = CaseStatus.PlanPending,
        Plan = new Plan(e.Assessment, e.Targets, e.From, e.Until, e.Support, e.Baseline, e.BrandId, e.PostId, e.StandardVersion, false, false)
    };

    public PerformanceCase Apply(PipAcknowledged e) => this with
    {
        Status = CaseStatus.PlanActive, Plan = Plan! with { Acknowledged = true, StandardVersion = e.StandardVersion }
    };

    public PerformanceCase Apply(PipAssessed e) => this with
    {
        Assessments = [.. Assessments, e],
        Status = e.Outcome is AssessmentOutcomes.Improving or AssessmentOutcomes.TooFewDays or AssessmentOutcomes.UnderReview
            ? CaseStatus.AwaitingDecision : Status
    };

    public PerformanceCase Apply(PipPassed _) => this with { Status = CaseStatus.Closed, Outcome = "passed" };

    public PerformanceCase Apply(PipExtended e) => this with
    {
        Status = CaseStatus.PlanActive, Plan = Plan! with { Until = e.Until, AssessFrom = e.PreviousUntil.AddDays(1) }
    };

    public PerformanceCase Apply(IncompetenceFound e) => this with
    {
        Findings = [.. Findings, new Finding(e.Number, e.Assessment, Plan!.Until, e.DecidedAt,
            e.Results.Where(r => !r.Met).Select(r => r.Metric).ToList())],
        Status = e.Number == 1 ? CaseStatus.RemedyRequired : CaseStatus.TerminationPossible
    };

    public PerformanceCase Apply(TrainingAssigned e) =>
        this with { Trainings = [.. Trainings, new Training(e.Number, e.Course, e.Metric, e.ScheduledOn, null, e.AssignedAt)] };

    public PerformanceCase Apply(TrainingCompleted e) => this with
    {
        Trainings = Trainings.Select(t => t.Number == e.Number ? t with { CompletedOn = e.CompletedOn } : t).ToList()
    };

    public PerformanceCase Apply(EmployeeReassigned e) => this with
    {
        PostId = e.ToPostId,
        Reassignment = new Reassignment(e.FromPostId, e.ToPostId, e.EffectiveOn, e.NewMonthlySalary, e.DecidedAt)
    };

    public PerformanceCase Apply(PayAdjusted _) => this;

    public PerformanceCase Apply(AssessmentDataMissing e) => this with { EscalatedDeadlines = [.. EscalatedDeadlines, e.Until] };

    public PerformanceCase Apply(EmploymentTerminated _) => this with { Status = CaseStatus.Closed, Outcome = "terminated" };

    public PerformanceCase Apply(ProbationDismissed _) => this with { Status = CaseStatus.Closed, Outcome = "dismissed-in-probation" };

    /// <summary>The last business date the case waits for: the end of the plan in effect.</summary>
    public DateOnly? NextDueDate => Status == CaseStatus.PlanActive ? Plan?.Until : null;
}

public static class AssessmentOutcomes
{
    public const string Met = "met";
    public const string Improving = "missed-improving";
    public const string Missed = "missed";
    /// <summary>G12: missed, but on fewer tallied days than a finding needs; the manager extends or passes.</summary>
    public const string TooFewDays = "missed-too-few-tallied-days";
    /// <summary>G3: missed under a standard flagged as unfair and not yet reviewed; the manager extends or passes, or HR reviews first.</summary>
    public const string UnderReview = "missed-standard-under-review";
}
