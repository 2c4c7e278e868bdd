namespace EventHr.Domain.Evidence;

/// <summary>One event as the store recorded it: where it sits, when it committed, who caused it, and what it says.</summary>
public sealed record Recorded(string StreamId, long Version, long Sequence, DateTimeOffset At, string Actor, string Type, object Data)
{
    public string Ref => $"{StreamId}#v{Version}";
}
