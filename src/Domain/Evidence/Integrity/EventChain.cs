using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EventHr.Domain.Evidence.Integrity;

/// <summary>
/// The per-stream hash chain (algorithm "eventhr-chain-v1"), documented in README.md so that an
/// expert can reimplement it: hash(n) = SHA-256 over the fields below, each written as its UTF-8 byte
/// length in decimal, a colon, the bytes and a line feed — algorithm name, hash(n-1) (64 zeros for
/// the first event), stream id, version, type, timestamp, actor, data. Length prefixes keep a field
/// that contains a line feed from being read as two.
/// </summary>
public static class EventChain
{
    public const string Algorithm = "eventhr-chain-v1";
    public static readonly string Genesis = new('0', 64);

    public static string Hash(string previousHash, ChainedEvent e) =>
        Hash(previousHash, e.StreamId, e.Version, e.Type, e.Timestamp, e.Actor, Encoding.UTF8.GetBytes(e.Data));

    /// <summary>The same hash over data already in UTF-8 (the sealer reads it so, and never decodes a large tally batch).</summary>
    public static string Hash(string previousHash, string streamId, long version, string type, string timestamp, string actor,
        ReadOnlySpan<byte> dataUtf8)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Field(sha, Algorithm);
        Field(sha, previousHash);
        Field(sha, streamId);
        Field(sha, version.ToString(CultureInfo.InvariantCulture));
        Field(sha, type);
        Field(sha, timestamp);
        Field(sha, actor);
        Field(sha, dataUtf8);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Commit time as hashed: UTC, microseconds (PostgreSQL's precision), e.g. 2026-11-01T01:02:03.456789Z.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Field(IncrementalHash sha, string value) => Field(sha, Encoding.UTF8.GetBytes(value));

    private static void Field(IncrementalHash sha, ReadOnlySpan<byte> value)
    {
        sha.AppendData(Encoding.ASCII.GetBytes(value.Length.ToString(CultureInfo.InvariantCulture) + ":"));
        sha.AppendData(value);
        sha.AppendData("\n"u8);
    }
}
