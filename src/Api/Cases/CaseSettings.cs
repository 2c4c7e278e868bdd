using EventHr.Domain.Law;
using EventHr.Domain.Rules;

namespace EventHr.Api.Cases;

/// <summary>
/// Configuration of the case lifecycle ("EventHr:Cases" in appsettings): rule defaults with
/// per brand × post overrides, the legal rules' constants (published figures are master data), and how long after a plan deadline the
/// wall clock waits for data before escalating to HR.
/// </summary>
public sealed class CaseSettings
{
    public RuleSettings Rules { get; init; } = new();
    /// <summary>Keyed "brandId/postId".</summary>
    public Dictionary<string, RuleSettings> RuleOverrides { get; init; } = new();
    public LawSettings Law { get; init; } = new();
    public TimeSpan NoDataGrace { get; init; } = TimeSpan.FromDays(2);

    public RuleSettings RulesFor(string brandId, string postId) =>
        RuleOverrides.GetValueOrDefault($"{brandId}/{postId}") ?? Rules;

    public static CaseSettings From(IConfiguration config)
    {
        var section = config.GetSection("EventHr:Cases");
        var law = section.GetSection("Law");
        return new CaseSettings
        {
            Rules = section.GetSection("Rules").Get<RuleSettings>() ?? new RuleSettings(),
            RuleOverrides = section.GetSection("RuleOverrides").Get<Dictionary<string, RuleSettings>>() ?? new(),
            Law = law.Get<LawSettings>() ?? new LawSettings(),
            NoDataGrace = section.GetValue("NoDataGrace", TimeSpan.FromDays(2))
        };
    }
}
