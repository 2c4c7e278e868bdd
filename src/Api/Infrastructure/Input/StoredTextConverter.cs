using System.Text.Json;
using System.Text.Json.Serialization;
using EventHr.Domain.Common;

namespace EventHr.Api.Infrastructure.Input;

/// <summary>
/// Every string of every JSON body (values and dictionary keys) is checked as it is read: NUL,
/// control characters, unpaired surrogates, invalid UTF-8 and text past the absolute limit are a
/// 400 from Wolverine's body reader, before any handler or the database sees them.
/// </summary>
public sealed class StoredTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Checked(ref reader)
            : reader.TokenType == JsonTokenType.Null ? null
            : throw new JsonException($"expected a string, found {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    /// <summary>Reads the current string token, refusing what cannot be stored (see <see cref="StoredText"/>).</summary>
    public static string Checked(ref Utf8JsonReader reader)
    {
        string value;
        try { value = reader.GetString()!; }
        catch (InvalidOperationException) { throw new JsonException("a string is not valid UTF-8 or holds an invalid escape"); }
        return StoredText.Problem(value) is { } problem ? throw new JsonException($"a string {problem}") : value;
    }
}
