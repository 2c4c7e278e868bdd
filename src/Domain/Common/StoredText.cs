namespace EventHr.Domain.Common;

/// <summary>
/// What text may be stored and searched for. PostgreSQL's text and jsonb cannot hold U+0000, and
/// an unpaired surrogate is not a character at all (it cannot be encoded as UTF-8): either would
/// fail deep in the database instead of being refused where it came in. Other control characters
/// have no place in names, ids or notes either; tab and line breaks do (a note has paragraphs).
/// </summary>
public static class StoredText
{
    /// <summary>The longest text of any field; each field has its own, usually much lower, limit too.</summary>
    public const int MaxLength = 20_000;

    /// <summary>Why the text cannot be stored, or null when it can.</summary>
    public static string? Problem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return "must not contain the NUL character (U+0000)";
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return $"must not contain control characters (U+{(int)c:X4})";
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return "must not contain an unpaired surrogate (not a character)";
        }
        return value.Length > MaxLength ? $"must be at most {MaxLength} characters" : null;
    }
}
