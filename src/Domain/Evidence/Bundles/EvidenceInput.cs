using EventHr.Domain.Alerts;
using EventHr.Domain.Evidence.Integrity;
using EventHr.Domain.Law;

namespace EventHr.Domain.Evidence.Bundles;

/// <summary>Everything a bundle is assembled from, read as of its instant (events and tallies recorded after it are absent).</summary>
public sealed record EvidenceInput(
    string EmployeeId, string? CaseId, DateTimeOffset? AsOf, DateTimeOffset GeneratedAt, string GeneratedBy, TimeZoneInfo TimeZone,
    IReadOnlyList<Recorded> EmployeeEvents, IReadOnlyList<Recorded> CaseEvents, IReadOnlyList<Recorded> StandardEvents,
    IReadOnlyList<EvidenceTally> Tallies, IReadOnlyList<Alert> FairnessFlags, LawInForce Law, IntegritySection Integrity,
    IReadOnlyList<EvidenceExported>? PreviousExports = null, IReadOnlyList<Recorded>? PostEvents = null);
