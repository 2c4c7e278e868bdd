using System.Security.Cryptography;
using System.Text;

namespace EventHr.Domain.Notifications;

/// <summary>
/// Group robots that check a signature: DingTalk's "加签" (the sign is HMAC-SHA256 keyed by the secret
/// over "timestamp-in-ms\nsecret", sent as <c>timestamp</c> and <c>sign</c> query parameters) and
/// Feishu/Lark's signature check (HMAC-SHA256 keyed by "timestamp-in-seconds\nsecret" over nothing, sent
/// as <c>timestamp</c> and <c>sign</c> in the body).
/// </summary>
public static class RobotSigning
{
    public static string DingTalk(string secret, long unixMilliseconds) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixMilliseconds}\n{secret}")));

    public static string Feishu(string secret, long unixSeconds) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{unixSeconds}\n{secret}"), Array.Empty<byte>()));

    /// <summary>The DingTalk address with the signature appended.</summary>
    public static string SignedDingTalkUrl(string url, string secret, long unixMilliseconds) =>
        $"{url}{(url.Contains('?') ? '&' : '?')}timestamp={unixMilliseconds}&sign={Uri.EscapeDataString(DingTalk(secret, unixMilliseconds))}";
}
