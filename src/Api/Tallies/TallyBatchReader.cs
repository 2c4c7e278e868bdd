using System.Buffers;
using System.Globalization;
using System.Text.Json;
using EventHr.Domain.Common;
using EventHr.Domain.Kpi;
using M = EventHr.Domain.Kpi.Metrics;
using EventHr.Domain.Tallies;

namespace EventHr.Api.Tallies;

/// <summary>
/// Reads a tally batch row by row straight from the UTF-8 body, so that one row with a wrong type or
/// a bad date is rejected alone instead of failing the whole batch in a deserializer, and so that a
/// 2,000-row feed costs about a millisecond to read. Malformed JSON still fails the whole batch.
/// </summary>
public static class TallyBatchReader
{
    public sealed record ParsedRow(int Index, string? SourceId, TallyRow? Row, FieldErrors Errors);

    public sealed class BatchShapeException(string message) : Exception(message);

    public static List<ParsedRow> Read(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new BatchShapeException("must be a JSON array of rows");
        var rows = new List<ParsedRow>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (rows.Count >= TallyRules.MaxBatchRows) throw new BatchShapeException($"a batch holds at most {TallyRules.MaxBatchRows:N0} rows");
            rows.Add(ReadRow(rows.Count, ref reader));
        }
        if (reader.Read()) throw new BatchShapeException("must hold nothing after the array of rows");
        return rows;
    }

    private static ParsedRow ReadRow(int index, ref Utf8JsonReader r)
    {
        var errors = new FieldErrors();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return new(index, null, null, errors.Add("", "each row must be a JSON object"));
        }
        string? sourceId = null, employeeId = null, corrects = null;
        DateOnly? date = null;
        var metrics = new RawMetrics();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref r);
            r.Read();
            switch (name)
            {
                case "sourceId": sourceId = Text(ref r, name, errors); break;
                case "employeeId": employeeId = Text(ref r, name, errors); break;
                case "corrects": corrects = Text(ref r, name, errors); break;
                case "date": date = Date(ref r, errors); break;
                case "metrics": metrics = Metrics(ref r, errors); break;
                default: r.Skip(); break;
            }
        }
        if (sourceId is null) errors.Add("sourceId", "is required");
        else if (sourceId.Length > TallyRules.MaxSourceIdLength) errors.Add("sourceId", $"must be at most {TallyRules.MaxSourceIdLength} characters");
        if (employeeId is null) errors.Add("employeeId", "is required");
        else if (!Ids.IsValid(employeeId)) errors.Add("employeeId", "is not a valid employee id");
        if (date is null) errors.Add("date", "is required (yyyy-MM-dd)");
        var row = errors.IsEmpty ? new TallyRow(sourceId!, employeeId!, date!.Value, metrics, corrects) : null;
        return new(index, sourceId, row, errors);
    }

    private static RawMetrics Metrics(ref Utf8JsonReader r, FieldErrors errors)
    {
        if (r.TokenType == JsonTokenType.Null) return new RawMetrics();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            errors.Add("metrics", "must be an object");
            return new RawMetrics();
        }
        int? orders = null, visitors = null, repeatOrders = null, clicks = null;
        decimal? revenue = null, response = null, csat = null, dwell = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref r);
            r.Read();
            switch (name)
            {
                case M.Orders: orders = Count(ref r, name, errors); break;
                case M.Visitors: visitors = Count(ref r, name, errors); break;
                case M.RepeatOrders: repeatOrders = Count(ref r, name, errors); break;
                case M.Clicks: clicks = Count(ref r, name, errors); break;
                case M.Revenue: revenue = Amount(ref r, name, errors); break;
                case M.AvgResponseSeconds: response = Amount(ref r, name, errors); break;
                case M.Csat: csat = Amount(ref r, name, errors); break;
                case M.DwellSeconds: dwell = Amount(ref r, name, errors); break;
                default:
                    r.Skip();
                    errors.Add($"metrics.{name}", M.Derived.Contains(name) ? "is derived by EventHr; send its raw parts" : "is not a known metric");
                    break;
            }
        }
        return new RawMetrics(orders, visitors, revenue, repeatOrders, clicks, response, csat, dwell);
    }

    private static int? Count(ref Utf8JsonReader r, string name, FieldErrors errors)
    {
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var v)) return v;
        if (r.TokenType == JsonTokenType.Number) errors.Add($"metrics.{name}", "must be a whole number");
        else { r.Skip(); errors.Add($"metrics.{name}", "must be a number"); }
        return null;
    }

    private static decimal? Amount(ref Utf8JsonReader r, string name, FieldErrors errors)
    {
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var v)) return v;
        if (r.TokenType != JsonTokenType.Number) r.Skip();
        errors.Add($"metrics.{name}", "must be a number");
        return null;
    }

    /// <summary>A property name that is not text (bad UTF-8, NUL) makes the whole batch unreadable.</summary>
    private static string PropertyName(ref Utf8JsonReader r)
    {
        string name;
        try { name = r.GetString()!; }
        catch (InvalidOperationException) { throw new BatchShapeException("a property name is not valid UTF-8 text"); }
        return StoredText.Problem(name) is { } problem ? throw new BatchShapeException($"a property name {problem}") : name;
    }

    private static string? Text(ref Utf8JsonReader r, string name, FieldErrors errors)
    {
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType != JsonTokenType.String)
        {
            r.Skip();
            errors.Add(name, "must be a string");
            return null;
        }
        string s;
        try { s = r.GetString()!; }
        catch (InvalidOperationException) { errors.Add(name, "is not valid UTF-8 text"); return null; }
        if (string.IsNullOrWhiteSpace(s)) { errors.Add(name, "must not be blank"); return null; }
        if (StoredText.Problem(s) is { } problem) { errors.Add(name, problem); return null; }
        return s;
    }

    private static DateOnly? Date(ref Utf8JsonReader r, FieldErrors errors)
    {
        var text = Text(ref r, "date", errors);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add("date", "must be a date in the form yyyy-MM-dd");
        return null;
    }
}
