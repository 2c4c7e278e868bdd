using EventHr.Domain.Common;
using EventHr.Domain.Standards;
using Marten;

namespace EventHr.Projections.Standards;

/// <summary>The standards of several brand × post pairs in one round trip (a feed, a report or the overview needs a few at once).</summary>
public static class StandardLookup
{
    public static async Task<Dictionary<(string Brand, string Post), Standard?>> LoadAsync(IQuerySession session,
        IEnumerable<(string Brand, string Post)> keys, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        var found = (await session.LoadManyAsync<Standard>(ct, wanted.Select(k => StreamKeys.Standard(k.Brand, k.Post))))
            .ToDictionary(s => (s.BrandId, s.PostId));
        return wanted.ToDictionary(k => k, k => found.GetValueOrDefault(k));
    }
}
