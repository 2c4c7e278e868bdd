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

    public static string Hash(string previousHash, ChainedEvent e)
    {
        var buffer = new ArrayBufferWriter(256 + e.Data.Length * 3);
        Field(buffer, Algorithm);
        Field(buffer, previousHash);
        Field(buffer, e.StreamId);
        Field(buffer, e.Version.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.Type);
        Field(buffer, e.Timestamp);
        Field(buffer, e.Actor);
        Field(buffer, e.Data);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.Written));
    }

    /// <summary>Commit time as hashed: UTC, microseconds (PostgreSQL's precision), e.g. 2026-11-27T09:00:00.123456Z.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Field(ArrayBufferWriter buffer, string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        buffer.Ascii(bytes.ToString(CultureInfo.InvariantCulture));
        buffer.Ascii(":");
        buffer.Utf8(value, bytes);
        buffer.Ascii("\n");
    }

    /// <summary>A growable byte buffer, so an event is hashed from one contiguous span.</summary>
    private sealed class ArrayBufferWriter(int capacity)
    {
        private byte[] _bytes = new byte[capacity];
        private int _length;

        public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

        public void Ascii(string s) => Utf8(s, s.Length);

        public void Utf8(string s, int byteCount)
        {
            if (_length + byteCount > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + byteCount));
            _length += Encoding.UTF8.GetBytes(s, _bytes.AsSpan(_length));
        }
    }
}
