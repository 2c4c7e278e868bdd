namespace EventHr.Domain.Evidence.Integrity;

/// <summary>
/// The fields of a stored event that its hash covers, as text exactly as stored: <c>Data</c> is the
/// event body as PostgreSQL prints its jsonb, <c>Timestamp</c> the commit time in UTC with microseconds.
/// </summary>
public sealed record ChainedEvent(string StreamId, long Version, string Type, string Timestamp, string Actor, string Data);
