using System.Net;
using System.Net.Sockets;
using EventHr.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace EventHr.Api.Notifications;

/// <summary>A channel's real address (its robot secret inside), encrypted with ASP.NET Core Data Protection, in a table of its own.</summary>
public sealed record WebhookAddress(string Id, string Protected, string? ProtectedSigningSecret = null);

/// <summary>
/// Where webhooks may go, and their secrets. Outside Development (<c>EventHr:Webhooks:AllowInternal</c>
/// false) an address must be https and resolve to public addresses only — no loopback, private,
/// link-local or metadata address — unless its host is listed in <c>EventHr:Webhooks:AllowedHosts</c>;
/// delivery checks each address again as it connects, so a name that later resolves inward is refused.
/// </summary>
public sealed class WebhookAddresses(IDataProtectionProvider protection, IConfiguration config, IHostEnvironment environment)
{
    private readonly IDataProtector _protector = protection.CreateProtector("EventHr.Webhooks.Address");
    private readonly bool _allowInternal = config.GetValue("EventHr:Webhooks:AllowInternal", environment.IsDevelopment());
    private readonly HashSet<string> _allowedHosts =
        (config.GetSection("EventHr:Webhooks:AllowedHosts").Get<string[]>() ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public WebhookAddress Protect(string channelId, string url, string? signingSecret = null) =>
        new(channelId, _protector.Protect(url), signingSecret is null ? null : _protector.Protect(signingSecret));

    public string Unprotect(WebhookAddress address) => _protector.Unprotect(address.Protected);

    public string? SigningSecret(WebhookAddress address) => address.ProtectedSigningSecret is { } s ? _protector.Unprotect(s) : null;

    /// <summary>Why an address may not be used, or null.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken ct)
    {
        if (_allowInternal || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || _allowedHosts.Contains(uri.Host)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps) return "must be an https address";
        IPAddress[] addresses;
        try { addresses = IPAddress.TryParse(uri.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.Host, ct); }
        catch (SocketException) { return $"names a host that does not resolve ({uri.Host})"; }
        return addresses.Length == 0 || addresses.Any(RobotUrls.IsInternal)
            ? "must not point at a loopback, private, link-local or metadata address" : null;
    }

    /// <summary>The delivery client's connect step: every address it would connect to is checked first.</summary>
    public SocketsHttpHandler Handler() => new()
    {
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = _allowInternal || _allowedHosts.Contains(host) ? addresses : addresses.Where(a => !RobotUrls.IsInternal(a)).ToArray();
            if (allowed.Length == 0) throw new WebhookRejected($"{host} resolves to an address webhooks may not reach");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    };
}
