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

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors?.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()) ?? new Dictionary<string, string[]>();
}
