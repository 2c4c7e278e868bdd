namespace EventHr.Domain.Common;

/// <summary>
/// Validation errors keyed by field path (camelCase, as the client sent it), collected so that a
/// caller hears about every bad field at once rather than one per request.
/// </summary>
public sealed class FieldErrors
{
    // Created on the first error: ingestion checks thousands of rows a batch and most have none.
    private Dictionary<string, List<string>>? _errors;

    public bool IsEmpty => _errors is null;

    public FieldErrors Add(string field, string message)
    {
        _errors ??= new Dictionary<string, List<string>>();
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = new List<string>();
        list.Add(message);
        return this;
    }

    public void Require(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
    }

    public void RequireText(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required");
        else if (value.Length > maxLength) Add(field, $"must be at most {maxLength} characters");
    }

    /// <summary>A list holds at most <paramref name="max"/> items, each a short text (ids, names).</summary>
    public void RequireList(IReadOnlyCollection<string>? items, string field, int max, int maxItemLength = 64)
    {
        if (items is null) return;
        if (items.Count > max) Add(field, $"must hold at most {max} items");
        else foreach (var (item, i) in items.Select((item, i) => (item, i))) RequireText(item, $"{field}[{i}]", maxItemLength);
    }

    /// <summary>Adds another check's errors to these.</summary>
    public FieldErrors Merge(FieldErrors other)
    {
        foreach (var (field, messages) in other.ToDictionary())
        foreach (var message in messages) Add(field, message);
        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors?.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()) ?? new Dictionary<string, string[]>();
}
