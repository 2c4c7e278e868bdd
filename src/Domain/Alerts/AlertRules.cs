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

    public static FieldErrors Validate(string kind, Input input)
    {
        var errors = new FieldErrors();
        if (!Defaults.ContainsKey(kind)) errors.Add("kind", $"must be one of {string.Join(", ", Defaults.Keys)}");
        if (input.Threshold is null) errors.Add("threshold", "is required");
        else errors.Require(input.Threshold > 0 && input.Threshold <= 10, "threshold", "must be above 0 (a share such as 0.3)");
        if (input.Span is < 1 or > 366) errors.Add("span", "must be between 1 and 366");
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
