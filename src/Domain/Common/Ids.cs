using System.Text.RegularExpressions;

namespace EventHr.Domain.Common;

/// <summary>
/// Business ids (brand, post, employee...) are chosen by the customer and appear in stream keys
/// and URLs, so they are restricted to a safe, readable alphabet.
/// </summary>
public static partial class Ids
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static void Require(FieldErrors errors, string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id)) errors.Add(field, "is required");
        else if (!IsValid(id)) errors.Add(field, "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
}
