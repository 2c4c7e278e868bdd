using EventHr.Domain.Common;

namespace EventHr.Domain.Alerts;

/// <summary>
/// Story 7's smart alerts, all configurable. <c>Threshold</c> and <c>Span</c> read per kind:
/// cost — brand × post salary-cost ratio month to date above Threshold (0.30);
/// performance — an employee below Threshold of target (0.5) on Span consecutive tallied days (7);
/// attrition — a region's monthly turnover above Threshold (0.20) for Span consecutive months (3);
/// fairness (G3) — more than Threshold (0.5) of a post's staff missing its standard this month.
/// </summary>
public sealed record AlertRule(string Kind, decimal Threshold, int Span)
{
    public const string Cost = "cost";
    public const string Performance = "performance";
    public const string Attrition = "attrition";
    public const string Fairness = "fairness";

    public static readonly IReadOnlyDictionary<string, AlertRule> Defaults = new Dictionary<string, AlertRule>
    {
        [Cost] = new(Cost, 0.30m, 1),
        [Performance] = new(Performance, 0.5m, 7),
        [Attrition] = new(Attrition, 0.20m, 3),
        [Fairness] = new(Fairness, 0.5m, 1),
    };

    public static string StreamKey => "alert-rules";

    public sealed record Input(decimal? Threshold, int? Span);

    /// <summary>
    /// Thresholds are shares: of target (performance), of staff (fairness), of headcount (attrition) —
    /// at most 1 — while salary cost may exceed revenue, so a cost threshold may go up to 10.
    /// Span counts days for performance (up to 31) and months for attrition (up to 12); cost and
    /// fairness look at the month to date and take no span.
    /// </summary>
    public static FieldErrors Validate(string kind, Input input)
    {
        var errors = new FieldErrors();
        if (!Defaults.ContainsKey(kind)) return errors.Add("kind", $"must be one of {string.Join(", ", Defaults.Keys)}");
        var maxThreshold = kind == Cost ? 10m : 1m;
        if (input.Threshold is null) errors.Add("threshold", "is required");
        else errors.Require(input.Threshold > 0 && input.Threshold <= maxThreshold, "threshold",
            kind == Cost ? "must be above 0 and at most 10 (salary cost over revenue, such as 0.3)" : "must be a share above 0 and at most 1 (such as 0.5)");
        switch (kind)
        {
            case Performance when input.Span is < 2 or > 31: errors.Add("span", "must be between 2 and 31 consecutive tallied days"); break;
            case Attrition when input.Span is < 1 or > 12: errors.Add("span", "must be between 1 and 12 months"); break;
            case Cost or Fairness when input.Span is not (null or 1): errors.Add("span", "is not used for this kind (it reads the month to date)"); break;
        }
        return errors;
    }
}

/// <summary>The alert rules in force: the defaults, as changed by HQ.</summary>
public sealed record AlertRuleBook(string Id, IReadOnlyDictionary<string, AlertRule> Rules)
{
    public static AlertRuleBook Default => new(AlertRule.StreamKey, AlertRule.Defaults);
    public static AlertRuleBook Create(AlertRuleSet e) => Default.Apply(e);

    public AlertRuleBook Apply(AlertRuleSet e) =>
        this with { Rules = new Dictionary<string, AlertRule>(Rules) { [e.Kind] = new AlertRule(e.Kind, e.Threshold, e.Span) } };

    public AlertRule this[string kind] => Rules.GetValueOrDefault(kind) ?? AlertRule.Defaults[kind];
}
