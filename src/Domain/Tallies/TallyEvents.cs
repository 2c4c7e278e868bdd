using EventHr.Domain.Kpi;

namespace EventHr.Domain.Tallies;

/// <summary>One daily tally as a shop/CRM system reported it. <c>Corrects</c> names the row it supersedes.</summary>
public sealed record TallyRow(string SourceId, string EmployeeId, DateOnly Date, RawMetrics Metrics, string? Corrects = null);

/// <summary>
/// A batch of tallies landed. One event per batch (not per row) keeps ingestion near the raw
/// write speed of PostgreSQL; only rows never seen before are listed, so replaying a batch adds nothing.
/// </summary>
public sealed record TalliesRecorded(Guid BatchId, IReadOnlyList<TallyRow> Rows, int Duplicates,
    string ReceivedBy, DateTimeOffset ReceivedAt);
