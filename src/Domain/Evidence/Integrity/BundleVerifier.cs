using System.Text.Json;

namespace EventHr.Domain.Evidence.Integrity;

/// <summary>The offline check of a saved bundle: each chain's verdict, and timeline entries whose hash is not the chain's.</summary>
public sealed record BundleVerdict(bool Valid, IReadOnlyList<ChainVerdict> Chains, IReadOnlyList<string> Mismatches);

/// <summary>
/// Verifies a bundle as saved (JSON), with no database: recomputes every exported chain from its
/// events and checks that each timeline entry carries the hash of the event it cites. This is what
/// ./ops/verify runs, and what a tribunal's expert would reimplement from README.md.
/// </summary>
public static class BundleVerifier
{
    public static BundleVerdict Verify(string bundleJson)
    {
        using var doc = JsonDocument.Parse(bundleJson);
        var root = doc.RootElement;
        if (!root.TryGetProperty("integrity", out var integrity) || !integrity.TryGetProperty("chains", out var chains))
            throw new FormatException("not an evidence bundle: no integrity.chains");
        if (integrity.GetProperty("algorithm").GetString() != EventChain.Algorithm)
            throw new FormatException($"unknown algorithm '{integrity.GetProperty("algorithm").GetString()}'");

        var verdicts = new List<ChainVerdict>();
        var exported = new Dictionary<string, (ChainedEvent Event, string? Hash)>();
        foreach (var chain in chains.EnumerateArray())
        {
            var streamId = chain.GetProperty("streamId").GetString()!;
            var events = chain.GetProperty("events").EnumerateArray().Select(e =>
            {
                var ev = new ChainedEvent(streamId, e.GetProperty("version").GetInt64(), e.GetProperty("type").GetString()!,
                    e.GetProperty("timestamp").GetString()!, e.GetProperty("actor").GetString()!, e.GetProperty("data").GetString()!);
                var hash = e.TryGetProperty("hash", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                exported[$"{streamId}#v{ev.Version}"] = (ev, hash);
                return (ev, hash);
            }).ToList();
            var head = chain.TryGetProperty("head", out var hd) && hd.ValueKind == JsonValueKind.String ? hd.GetString() : null;
            verdicts.Add(ChainCheck.VerifyExported(streamId, events, head));
        }

        var mismatches = new List<string>();
        if (root.TryGetProperty("timeline", out var timeline))
            foreach (var entry in timeline.EnumerateArray())
            {
                var reference = entry.GetProperty("ref").GetString()!;
                var hash = entry.TryGetProperty("hash", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                if (!exported.TryGetValue(reference, out var chained) || chained.Hash != hash
                    || entry.GetProperty("type").GetString() != chained.Event.Type
                    || !JsonElement.DeepEquals(entry.GetProperty("data"), JsonDocument.Parse(chained.Event.Data).RootElement)
                    || EventChain.Timestamp(entry.GetProperty("at").GetDateTimeOffset()) != chained.Event.Timestamp)
                    mismatches.Add($"timeline entry {reference} does not match its chain (hash, type, time or data)");
            }
        return new BundleVerdict(verdicts.All(v => v.Valid) && mismatches.Count == 0, verdicts, mismatches);
    }
}
