using System.Text.Json;
using System.Text.Json.Serialization;

namespace IndicatorEngine.Model.Dto;

// How a node (or the system) combines its children: "sum", "weighted-mean", or { "type": "formula", "expression": "…" }.
// Read from and written back to the same shape, so that definition → model → JSON stays an identity.
[JsonConverter(typeof(AggregationDtoConverter))]
internal sealed class AggregationDto
{
    public string Kind { get; set; } = "sum";

    public string? Expression { get; set; }

    public bool IsSum => Kind == "sum";

    public bool IsWeightedMean => Kind == "weighted-mean";

    public bool IsFormula => Expression is not null;
}

internal sealed class AggregationDtoConverter : JsonConverter<AggregationDto>
{
    public override AggregationDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new AggregationDto { Kind = reader.GetString()! };
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new AggregationDto
        {
            Kind = root.TryGetProperty("type", out var type) ? type.GetString() ?? "formula" : "formula",
            Expression = root.TryGetProperty("expression", out var expression) ? expression.GetString() ?? "" : "",
        };
    }

    public override void Write(Utf8JsonWriter writer, AggregationDto value, JsonSerializerOptions options)
    {
        if (!value.IsFormula)
        {
            writer.WriteStringValue(value.Kind);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type", value.Kind);
        writer.WriteString("expression", value.Expression);
        writer.WriteEndObject();
    }
}
