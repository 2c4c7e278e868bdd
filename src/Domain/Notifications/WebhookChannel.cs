using System.Text.Json.Nodes;
using EventHr.Domain.Common;

namespace EventHr.Domain.Notifications;

/// <summary>Where a person's or a department's notifications are also pushed (a group robot or any JSON receiver).</summary>
/// <param name="Signed">the robot checks a signature (DingTalk "加签", Feishu/Lark); the secret itself is never in the event</param>
/// <param name="BrandId">the brand whose departments it serves (department names repeat across brands)</param>
public sealed record WebhookChannelDefined(string ChannelId, string Url, string Format, IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Departments, string DefinedBy, DateTimeOffset DefinedAt, bool Signed = false, string? BrandId = null);

/// <param name="SigningSecret">DingTalk's "加签" secret or Feishu/Lark's signature key, for robots that check a signature</param>
/// <param name="BrandId">the brand whose departments are listed: required with departments, since two brands may both have an "ops-east"</param>
public sealed record DefineWebhookChannel(string? Url, string? Format, IReadOnlyList<string>? Recipients, IReadOnlyList<string>? Departments,
    string? SigningSecret = null, string? BrandId = null);

public sealed record WebhookChannel(string Id, string ChannelId, string Url, string Format, IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Departments, bool Signed = false, string? BrandId = null)
{
    public static string StreamKey(string channelId) => $"webhook:{channelId}";

    public static WebhookChannel Create(WebhookChannelDefined e) =>
        new(StreamKey(e.ChannelId), e.ChannelId, e.Url, e.Format, e.Recipients, e.Departments, e.Signed, e.BrandId);

    public WebhookChannel Apply(WebhookChannelDefined e) => Create(e);

    /// <summary>
    /// A person's notifications, or a department's of the channel's brand: another brand's department of the same name
    /// (its report carries that department's salary-cost ratio) never reaches this robot's group. A channel defined
    /// before it named a brand follows its departments in every brand, as it did.
    /// </summary>
    public bool Wants(string recipient, string? department, string? brandId) =>
        Recipients.Contains(recipient)
        || (department is not null && Departments.Contains(department) && (BrandId is null || BrandId == brandId));
}

public static class WebhookChannels
{
    public static readonly IReadOnlyList<string> Formats = ["generic", "dingtalk", "feishu", "wecom"];

    public static FieldErrors Validate(string channelId, DefineWebhookChannel cmd)
    {
        var errors = new FieldErrors();
        Ids.Require(errors, channelId, "channelId");
        if (!Uri.TryCreate(cmd.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            errors.Add("url", "must be an absolute http or https address");
        if (!Formats.Contains(cmd.Format ?? "")) errors.Add("format", $"must be one of {string.Join(", ", Formats)}");
        if ((cmd.Recipients?.Count ?? 0) + (cmd.Departments?.Count ?? 0) == 0)
            errors.Add("recipients", "name at least one recipient or department");
        if (cmd.Url is { Length: > 2000 }) errors.Add("url", "must be at most 2000 characters");
        errors.RequireList(cmd.Recipients, "recipients", 500);
        if (cmd.SigningSecret is not null && cmd.Format is not ("dingtalk" or "feishu")) errors.Add("signingSecret", "is for dingtalk and feishu robots only");
        else if (cmd.SigningSecret is { Length: 0 or > 200 }) errors.Add("signingSecret", "must be 1 to 200 characters");
        errors.RequireList(cmd.Departments, "departments", 500);
        if (cmd.Departments is { Count: > 0 } && string.IsNullOrWhiteSpace(cmd.BrandId))
            errors.Add("brandId", "name the brand whose departments the channel serves: department names repeat across brands");
        else if (cmd.BrandId is not null) Ids.Require(errors, cmd.BrandId, "brandId");
        return errors;
    }

    /// <summary>The event records the address masked (it is hash-chained and kept forever); the secret is stored apart.</summary>
    public static object? Decide(WebhookChannel? current, string channelId, DefineWebhookChannel cmd, Actor actor, DateTimeOffset now)
    {
        var next = new WebhookChannelDefined(channelId, RobotUrls.Masked(cmd.Url!), cmd.Format!, (cmd.Recipients ?? []).Distinct().ToList(),
            (cmd.Departments ?? []).Distinct().ToList(), actor.UserId, now, cmd.SigningSecret is not null, cmd.BrandId);
        return current is not null && current.Url == next.Url && current.Format == next.Format && current.Signed == next.Signed
               && current.BrandId == next.BrandId
               && current.Recipients.SequenceEqual(next.Recipients) && current.Departments.SequenceEqual(next.Departments) ? null : next;
    }

    /// <summary>The message body each receiver expects: group robots of DingTalk, Feishu/Lark and WeCom take plain text.</summary>
    public static JsonObject Payload(string format, string deliveryId, string recipient, string kind, string message) => format switch
    {
        "dingtalk" => new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = message } },
        "wecom" => new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = message } },
        "feishu" => new JsonObject { ["msg_type"] = "text", ["content"] = new JsonObject { ["text"] = message } },
        _ => new JsonObject { ["id"] = deliveryId, ["recipient"] = recipient, ["kind"] = kind, ["message"] = message }
    };

    /// <summary>
    /// Group robots answer HTTP 200 even when they refuse a message (rate limit, keyword or signature
    /// check): DingTalk and WeCom say so with a non-zero <c>errcode</c>, Feishu/Lark with a non-zero
    /// <c>code</c> (or <c>StatusCode</c>). Returns the refusal to retry on, or null when the message was taken.
    /// </summary>
    public static string? Refusal(string format, string responseBody)
    {
        if (format == "generic") return null;
        JsonNode? body;
        try { body = JsonNode.Parse(responseBody); }
        catch (System.Text.Json.JsonException) { return null; }
        if (body is not JsonObject o) return null;
        var (codeField, messageField) = format == "feishu"
            ? (o.ContainsKey("code") ? ("code", "msg") : ("StatusCode", "StatusMessage"))
            : ("errcode", "errmsg");
        if (o[codeField] is not JsonValue v || !v.TryGetValue<long>(out var code) || code == 0) return null;
        return $"{format} refused the message: {codeField} {code} {o[messageField]?.ToString()}".TrimEnd();
    }
}
