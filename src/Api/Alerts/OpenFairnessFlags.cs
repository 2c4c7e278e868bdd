using EventHr.Domain.Alerts;
using Marten;

namespace EventHr.Api.Alerts;

/// <summary>G3: the fairness flags open now (few, and indexed by kind and status), all of them or one brand × post's.</summary>
public static class OpenFairnessFlags
{
    public static async Task<IReadOnlyList<Alert>> LoadAsync(IQuerySession session, CancellationToken ct, string? brandId = null, string? postId = null)
    {
        var open = session.Query<Alert>().Where(a => a.Kind == AlertRule.Fairness && a.Status == "open");
        if (brandId is not null) open = open.Where(a => a.Subject == $"{brandId}/{postId}");
        return await open.ToListAsync(ct);
    }
}
