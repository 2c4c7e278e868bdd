using EventHr.Domain.Common;

namespace EventHr.Domain.Cases.Decisions;

/// <summary>What the manager decides after a missed but clearly improving period (story 4).</summary>
public static class ManagerDecisions
{
    /// <summary>延期: moves the deadline; the improvement figures are recorded with it. Not a finding (G5).</summary>
    public static Result<PipExtended> Extend(PerformanceCase c, DecideCase d, Actor actor, DateTimeOffset now)
    {
        if (c.Status != CaseStatus.AwaitingDecision || c.Plan is null) return CaseRefusals.WrongState(c, "extending the plan");
        if (d.Until!.Value <= c.Plan.Until)
            return Result<PipExtended>.Invalid(new FieldErrors().Add("until", $"must be after the current deadline {c.Plan.Until:yyyy-MM-dd}"));
        var improvement = c.Assessments[^1].Results;
        return Result<PipExtended>.Ok(new PipExtended(c.CaseId, c.Plan.Assessment, c.Plan.Until, d.Until.Value, d.Reason!, improvement,
            actor.UserId, now));
    }

    /// <summary>The manager accepts an improving period as enough: the case closes as passed.</summary>
    public static Result<PipPassed> Pass(PerformanceCase c, DecideCase d, Actor actor, DateTimeOffset now) =>
        c.Status == CaseStatus.AwaitingDecision
            ? Result<PipPassed>.Ok(new PipPassed(c.CaseId, c.Plan!.Assessment, d.Reason!, actor.UserId, now))
            : CaseRefusals.WrongState(c, "passing the plan");

    /// <summary>The manager declines to extend an improving but missed period: it becomes a finding.</summary>
    public static Result<IncompetenceFound> Finding(PerformanceCase c, DecideCase d, Actor actor, DateTimeOffset now, bool standardUnderReview = false)
    {
        if (c.Status != CaseStatus.AwaitingDecision) return CaseRefusals.WrongState(c, "recording a finding");
        // G3: not under a standard flagged as unfair that HR has not reviewed since.
        if (standardUnderReview)
            return new Refusal(RefusalKind.LegalGuard, "the standard is flagged as unfair (G3): HR records a review of it before a finding",
                UnderReviewGuard, ["standard-reviewed"]);
        // G12: a finding rests on enough tallied days; fewer is not a fair trial, whatever the averages say.
        if (c.Assessments[^1].Outcome == AssessmentOutcomes.TooFewDays)
            return new Refusal(RefusalKind.LegalGuard, "the period had too few tallied days for a finding: extend it, or pass it",
                TooFewDaysGuard, ["tallied-days"]);
        return Result<IncompetenceFound>.Ok(new IncompetenceFound(c.CaseId, c.Findings.Count + 1, c.Plan!.Assessment,
            c.Assessments[^1].Results, actor.UserId, now));
    }

    public const string TooFewDaysGuard = "g12-too-few-tallied-days";
    public const string UnderReviewGuard = "g3-target-under-review";
}
