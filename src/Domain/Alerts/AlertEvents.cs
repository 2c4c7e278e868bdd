namespace EventHr.Domain.Alerts;

/// <summary>The thresholds of one alert kind changed (story 7 defaults are configuration, changed by HQ).</summary>
public sealed record AlertRuleSet(string Kind, decimal Threshold, int Span, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A condition became true for a subject (a brand × post, a region, an employee); HQ HR is told once.</summary>
public sealed record AlertOpened(string AlertId, string Kind, string Subject, string Message, IReadOnlyDictionary<string, decimal> Figures,
    DateTimeOffset OpenedAt);

/// <summary>The condition no longer holds; the alert closes (and may open again later as a new alert).</summary>
public sealed record AlertClosed(string AlertId, IReadOnlyDictionary<string, decimal> Figures, DateTimeOffset ClosedAt);
