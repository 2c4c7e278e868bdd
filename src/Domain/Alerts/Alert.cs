namespace EventHr.Domain.Alerts;

/// <summary>One alert (stream "alert:{alertId}"): open while its condition holds.</summary>
public sealed record Alert(string Id, string AlertId, string Kind, string Subject, string Status, string Message,
    IReadOnlyDictionary<string, decimal> Figures, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt)
{
    public static string StreamKey(string alertId) => $"alert:{alertId}";

    public static Alert Create(AlertOpened e) =>
        new(StreamKey(e.AlertId), e.AlertId, e.Kind, e.Subject, "open", e.Message, e.Figures, e.OpenedAt, null);

    public Alert Apply(AlertClosed e) => this with { Status = "closed", Figures = e.Figures, ClosedAt = e.ClosedAt };
}

/// <summary>
/// A condition found true now, with the figures behind it. <c>Undetermined</c>: there is nothing to
/// judge it on yet (no tallies so far this month), so an open alert stays open and none opens.
/// </summary>
public sealed record AlertCondition(string Kind, string Subject, string Message, IReadOnlyDictionary<string, decimal> Figures,
    bool Undetermined = false)
{
    public static AlertCondition NotYetKnown(string kind, string subject) =>
        new(kind, subject, "", new Dictionary<string, decimal>(), Undetermined: true);
}

public static class AlertSweep
{
    /// <summary>
    /// Opens an alert for each condition with none open (once), closes each open alert whose
    /// condition cleared. Alert ids count per kind and subject, so an alert that reopens is a new one.
    /// A subject that cannot be judged yet (the first days of a month) neither opens nor closes.
    /// </summary>
    public static IReadOnlyList<(string StreamKey, object Event, bool Starts)> Decide(IReadOnlyList<Alert> open,
        IReadOnlyList<AlertCondition> now, Func<string, string, int> previousCount, DateTimeOffset at)
    {
        var decisions = new List<(string, object, bool)>();
        foreach (var c in now.Where(c => !c.Undetermined && !open.Any(a => a.Kind == c.Kind && a.Subject == c.Subject)))
        {
            var id = $"{c.Kind}:{c.Subject}:{previousCount(c.Kind, c.Subject) + 1}";
            decisions.Add((Alert.StreamKey(id), new AlertOpened(id, c.Kind, c.Subject, c.Message, c.Figures, at), true));
        }
        foreach (var a in open.Where(a => !now.Any(c => c.Kind == a.Kind && c.Subject == a.Subject)))
            decisions.Add((a.Id, new AlertClosed(a.AlertId, a.Figures, at), false));
        return decisions;
    }
}
