using Marten;
using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;

namespace EventHr.Api.Cases.Decisions;

/// <summary>不能胜任工作: the manager declines to extend an improving but missed period, which becomes a finding (G4, G5).</summary>
public static class RecordFinding
{
    public static Result<Decided> Decide(CaseDecision d, StandardReview review) =>
        Decided.From(ManagerDecisions.Finding(d.Case, d.Body, d.Actor, d.Now, review.UnderReview));
}

/// <summary>G3: whether the standard a finding would rest on is flagged as unfair and not reviewed since.</summary>
public sealed record StandardReview(bool UnderReview)
{
    public static readonly StandardReview Clear = new(false);

    public static async Task<StandardReview> LoadAsync(string brandId, string postId, Marten.IQuerySession session, CancellationToken ct)
    {
        var flags = await Alerts.OpenFairnessFlags.LoadAsync(session, ct, brandId, postId);
        if (flags.Count == 0) return Clear;
        var standard = await session.LoadAsync<Domain.Standards.Standard>(Domain.Common.StreamKeys.Standard(brandId, postId), ct);
        return new(Domain.Standards.Standard.UnderReview(standard, flags, brandId, postId));
    }
}
