using System.Globalization;
using EventHr.Domain.Common;

namespace EventHr.Api.Audit;

/// <summary>The <c>asOf</c> query parameter: an ISO 8601 instant with an offset (e.g. 2026-03-01T09:00:00+08:00).</summary>
public static class AsOf
{
    public static bool TryParse(string? value, FieldErrors errors, out DateTimeOffset? asOf, string field = "asOf")
    {
        asOf = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && (value.EndsWith('Z') || value.Contains('+') || value.LastIndexOf('-') > 9))
        {
            asOf = parsed.ToUniversalTime();   // PostgreSQL compares instants; Npgsql takes them in UTC
            return true;
        }
        errors.Add(field, "must be an ISO 8601 instant with an offset, e.g. 2026-03-01T09:00:00+08:00");
        return false;
    }
}
