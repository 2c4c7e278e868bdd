using EventHr.Domain.Rules;

namespace EventHr.Domain.Cases.Assessment;

/// <summary>
/// Business time drives the case: once the last day of the plan period has been tallied, the
/// period is assessed. Met closes the case; missed (not improving) is an incompetence finding
/// (G4: a failed full period under an acknowledged standard); improving waits for the manager.
/// </summary>
public static class PeriodEnd
{
    public const string System = "system";

    public static IReadOnlyList<object> OnTallied(PerformanceCase c, DateOnly latestTallied, IReadOnlyList<DayFigures> periodDays,
        IReadOnlyList<string> sourceIds, RuleSettings settings, DateTimeOffset now, bool standardUnderReview = false)
    {
        if (c.Status != CaseStatus.PlanActive || c.Plan is null || !c.Plan.IsEndedBy(latestTallied)) return [];
        var assessed = PeriodAssessment.Assess(c.CaseId, c.Plan, periodDays, sourceIds, settings, now);
        if (assessed is null) return [];
        // G3: a missed period under a standard flagged as unfair is no finding until HR has reviewed the standard.
        if (assessed.Outcome == AssessmentOutcomes.Missed && standardUnderReview) assessed = assessed with { Outcome = AssessmentOutcomes.UnderReview };
        return assessed.Outcome switch
        {
            AssessmentOutcomes.Met => [assessed, new PipPassed(c.CaseId, c.Plan.Assessment, "targets met 目标达成", System, now)],
            AssessmentOutcomes.Missed => [assessed, new IncompetenceFound(c.CaseId, c.Findings.Count + 1, c.Plan.Assessment, assessed.Results, System, now)],
            _ => [assessed]
        };
    }

    /// <summary>The wall-clock deadline passed: escalate to HR once, unless the period was assessed meanwhile.</summary>
    public static AssessmentDataMissing? OnDeadlineTimeout(PerformanceCase c, int assessment, DateOnly until, DateTimeOffset now)
    {
        if (c.Status != CaseStatus.PlanActive || c.Plan is null || c.Plan.Assessment != assessment || c.Plan.Until != until) return null;
        if (c.EscalatedDeadlines.Contains(until)) return null;
        return new AssessmentDataMissing(c.CaseId, assessment, until, [c.HrId], now);
    }
}
