using EventHr.Domain.Rules;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Cases.Plans;

/// <summary>Story 2: the plan a case proposes when it opens, for HR or the manager to accept or amend.</summary>
public static class PipDrafting
{
    public sealed record PeerReference(decimal? Clicks, decimal? ConversionRate);

    public static PipDrafted Draft(string caseId, IReadOnlyList<Breach> breaches, IReadOnlyList<DayFigures> window,
        PeerReference peers, RuleSettings settings, DateOnly triggeredOn, DateTimeOffset now)
    {
        var targets = new Dictionary<string, PipTarget>();
        var baseline = new Dictionary<string, decimal>();
        var support = new List<SupportMeasure>();
        foreach (var breach in breaches)
        {
            targets[breach.Metric] = new PipTarget(PlanTarget(breach.Target, settings), breach.Target.Direction);
            baseline[breach.Metric] = Math.Round(breach.Values.Average(), 4);
            var measure = Diagnosis.For(breach.Metric, window, peers.Clicks, peers.ConversionRate);
            if (support.All(s => s.Diagnosis != measure.Diagnosis)) support.Add(measure);
        }
        var from = triggeredOn.AddDays(1);
        return new PipDrafted(caseId, 1, targets, from, from.AddDays(settings.PipPeriodDays - 1), support, baseline, now);
    }

    /// <summary>A share of the standard: orders ≥ 10 → ≥ 5; response ≤ 30 s → ≤ 60 s.</summary>
    public static decimal PlanTarget(MetricTarget standard, RuleSettings settings) => standard.Direction == TargetDirection.AtLeast
        ? Math.Round(standard.Target * settings.PipTargetShareOfStandard, 4)
        : Math.Round(standard.Target / settings.PipTargetShareOfStandard, 4);
}
