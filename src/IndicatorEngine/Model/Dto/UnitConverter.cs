using System.Text.Json;
using System.Text.Json.Serialization;

namespace IndicatorEngine.Model.Dto;

// A unit: "Gbps" (the same in every language) or { "zh": "人", "en": "persons" }. Read from and written back to
// the same shape, so that definition → model → JSON stays an identity.
internal sealed class UnitConverter : JsonConverter<LocalizedText?>
{
    public override bool HandleNull => false;

    public override LocalizedText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new LocalizedText(reader.GetString()!);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new LocalizedText(
            root.TryGetProperty("zh", out var zh) ? zh.GetString() ?? "" : "",
            root.TryGetProperty("en", out var en) ? en.GetString() : null);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText? value, JsonSerializerOptions options)
    {
        if (value!.En is null)
        {
            writer.WriteStringValue(value.Zh);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("zh", value.Zh);
        writer.WriteString("en", value.En);
        writer.WriteEndObject();
    }
}
