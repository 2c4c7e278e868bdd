using EventHr.Domain.Rules;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Cases.Assessment;

/// <summary>
/// Story 4: at the end of a plan period its data decides: targets met, missed but clearly
/// improving (the manager may extend), or missed.
/// </summary>
public static class PeriodAssessment
{
    /// <summary>Null when the period has no tallied day at all: nothing is decided on missing data.</summary>
    public static PipAssessed? Assess(string caseId, Plan plan, IReadOnlyList<DayFigures> periodDays, IReadOnlyList<string> sourceIds,
        RuleSettings settings, DateTimeOffset now)
    {
        var days = periodDays.Where(d => d.Date >= plan.AssessFrom && d.Date <= plan.Until).ToList();
        if (days.Count == 0) return null;
        var results = plan.Targets.Select(t => Result(t.Key, t.Value, plan.Baseline.GetValueOrDefault(t.Key), days)).ToList();
        var outcome = results.All(r => r.Met) ? AssessmentOutcomes.Met
            : days.Count < settings.MinTalliedDays ? AssessmentOutcomes.TooFewDays
            : results.Where(r => !r.Met).All(r => r.RelativeImprovement >= settings.MinRelativeImprovement) ? AssessmentOutcomes.Improving
            : AssessmentOutcomes.Missed;
        return new PipAssessed(caseId, plan.Assessment, plan.AssessFrom, plan.Until, outcome, results, sourceIds, now);
    }

    private static MetricResult Result(string metric, PipTarget target, decimal baseline, IReadOnlyList<DayFigures> days)
    {
        var average = DayFigures.Average(days, metric);
        var tallied = days.Count(d => d.Value(metric) is not null);
        var met = average is not null && (target.Direction == TargetDirection.AtLeast ? average >= target.Target : average <= target.Target);
        decimal? improvement = average is null || baseline == 0 ? null
            : Math.Round((target.Direction == TargetDirection.AtLeast ? average.Value - baseline : baseline - average.Value) / baseline, 4);
        return new MetricResult(metric, target, baseline == 0 ? null : baseline, average, tallied, met, improvement);
    }
}
