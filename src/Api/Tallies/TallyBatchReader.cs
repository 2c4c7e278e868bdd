using System.Globalization;
using System.Text.Json;
using EventHr.Domain.Common;
using EventHr.Domain.Kpi;
using EventHr.Domain.Tallies;

namespace EventHr.Api.Tallies;

/// <summary>
/// Reads a tally batch row by row from the raw JSON, so that one row with a wrong type or a bad date
/// is rejected alone instead of failing the whole batch in the deserializer.
/// </summary>
public static class TallyBatchReader
{
    public sealed record ParsedRow(int Index, string? SourceId, TallyRow? Row, FieldErrors Errors);

    private static readonly HashSet<string> Counts = [Metrics.Orders, Metrics.Visitors, Metrics.RepeatOrders, Metrics.Clicks];

    public static List<ParsedRow> Read(JsonElement batch)
    {
        var rows = new List<ParsedRow>(batch.GetArrayLength());
        var index = 0;
        foreach (var element in batch.EnumerateArray()) rows.Add(ReadRow(index++, element));
        return rows;
    }

    private static ParsedRow ReadRow(int index, JsonElement e)
    {
        var errors = new FieldErrors();
        if (e.ValueKind != JsonValueKind.Object) return new(index, null, null, errors.Add("", "each row must be a JSON object"));

        var sourceId = Text(e, "sourceId", errors, required: true);
        if (sourceId is { Length: > TallyRules.MaxSourceIdLength }) errors.Add("sourceId", $"must be at most {TallyRules.MaxSourceIdLength} characters");
        var employeeId = Text(e, "employeeId", errors, required: true);
        if (employeeId is not null && !Ids.IsValid(employeeId)) errors.Add("employeeId", "is not a valid employee id");
        var corrects = Text(e, "corrects", errors, required: false);
        DateOnly? date = null;
        var dateText = Text(e, "date", errors, required: true);
        if (dateText is not null)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else errors.Add("date", "must be a date in the form yyyy-MM-dd");
        }
        var metrics = ReadMetrics(e, errors);
        var row = errors.IsEmpty ? new TallyRow(sourceId!, employeeId!, date!.Value, metrics, corrects) : null;
        return new(index, sourceId, row, errors);
    }

    private static RawMetrics ReadMetrics(JsonElement row, FieldErrors errors)
    {
        if (!row.TryGetProperty("metrics", out var m) || m.ValueKind == JsonValueKind.Null) return new RawMetrics();
        if (m.ValueKind != JsonValueKind.Object) { errors.Add("metrics", "must be an object"); return new RawMetrics(); }
        var values = new Dictionary<string, decimal>();
        foreach (var p in m.EnumerateObject())
        {
            var field = $"metrics.{p.Name}";
            if (p.Value.ValueKind == JsonValueKind.Null) continue;
            if (!Metrics.Raw.Contains(p.Name))
            {
                errors.Add(field, Metrics.Derived.Contains(p.Name) ? "is derived by EventHr; send its raw parts" : "is not a known metric");
                continue;
            }
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDecimal(out var value)) { errors.Add(field, "must be a number"); continue; }
            if (Counts.Contains(p.Name) && (value != decimal.Truncate(value) || value > int.MaxValue))
            {
                errors.Add(field, "must be a whole number");
                continue;
            }
            values[p.Name] = value;
        }
        int? Count(string k) => values.TryGetValue(k, out var v) ? (int)v : null;
        decimal? Amount(string k) => values.TryGetValue(k, out var v) ? v : null;
        return new RawMetrics(Count(Metrics.Orders), Count(Metrics.Visitors), Amount(Metrics.Revenue), Count(Metrics.RepeatOrders),
            Count(Metrics.Clicks), Amount(Metrics.AvgResponseSeconds), Amount(Metrics.Csat), Amount(Metrics.DwellSeconds));
    }

    private static string? Text(JsonElement row, string name, FieldErrors errors, bool required)
    {
        if (!row.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(name, "is required");
            return null;
        }
        if (v.ValueKind != JsonValueKind.String) { errors.Add(name, "must be a string"); return null; }
        var s = v.GetString();
        if (string.IsNullOrWhiteSpace(s)) { errors.Add(name, "must not be blank"); return null; }
        return s;
    }
}
