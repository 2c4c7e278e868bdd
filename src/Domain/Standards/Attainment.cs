namespace EventHr.Domain.Standards;

/// <summary>How far a day's actual value reaches a target: 1.0 = exactly on target.</summary>
public sealed record Attainment(decimal Target, TargetDirection Direction, decimal? Actual, decimal? Ratio, bool? Met)
{
    public static Attainment Of(MetricTarget target, decimal? actual)
    {
        if (actual is null) return new(target.Target, target.Direction, null, null, null);
        var ratio = target.Direction switch
        {
            // "at most" targets (response time): halving the allowed time is 2.0, doubling it 0.5.
            TargetDirection.AtMost => actual.Value == 0 ? 1m : Math.Round(target.Target / actual.Value, 4),
            _ => target.Target == 0 ? 1m : Math.Round(actual.Value / target.Target, 4)
        };
        var met = target.Direction == TargetDirection.AtLeast ? actual >= target.Target : actual <= target.Target;
        return new(target.Target, target.Direction, actual, ratio, met);
    }
}
