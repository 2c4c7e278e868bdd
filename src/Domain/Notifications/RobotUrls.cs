using System.Net;
using System.Net.Sockets;

namespace EventHr.Domain.Notifications;

/// <summary>
/// A robot's address carries its secret: DingTalk's <c>access_token</c> and WeCom's <c>key</c> in the
/// query, Feishu/Lark's hook id in the path. The masked form is what answers, logs and events show; the
/// address itself is kept apart, encrypted.
/// </summary>
public static class RobotUrls
{
    private static readonly string[] SecretParameters = ["access_token", "key", "token", "secret", "sign", "signature"];
    public const string Mask = "***";

    public static string Masked(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return url;
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var name = pair.Split('=', 2)[0];
            return SecretParameters.Contains(Uri.UnescapeDataString(name).ToLowerInvariant()) ? $"{name}={Mask}" : pair;
        }).ToList();
        var path = uri.AbsolutePath;
        // Feishu/Lark: /open-apis/bot/v2/hook/{hook id}
        var hook = path.IndexOf("/hook/", StringComparison.OrdinalIgnoreCase);
        if (hook >= 0 && path.Length > hook + 6) path = path[..(hook + 6)] + Mask;
        return $"{uri.Scheme}://{uri.Authority}{path}{(query.Count == 0 ? "" : "?" + string.Join('&', query))}";
    }

    /// <summary>
    /// Addresses a webhook must never reach (server-side request forgery): loopback, private ranges,
    /// link-local (which holds the cloud metadata service, 169.254.169.254), unique-local and unspecified ones.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0 || b[0] >= 224
               || b[0] == 172 && b[1] is >= 16 and <= 31
               || b[0] == 192 && b[1] == 168
               || b[0] == 169 && b[1] == 254
               || b[0] == 100 && b[1] is >= 64 and <= 127;   // carrier-grade NAT
    }
}
