using System.Text.Json.Serialization;

namespace IndicatorEngine.Model.Dto;

// A node of the tree, and also a patch in an overlay (a patch uses only some of the properties).
internal sealed class NodeDto
{
    public string Id { get; set; } = "";

    public TitleDto? Title { get; set; }

    public decimal? Points { get; set; }

    public string? Description { get; set; }

    public string? Provenance { get; set; }

    public string? Source { get; set; }

    public List<string>? Evidence { get; set; }

    public decimal? Weight { get; set; }

    public bool? Bonus { get; set; }

    public decimal? BonusPoints { get; set; }

    public AggregationDto? Aggregation { get; set; }

    public List<NodeDto>? Children { get; set; }

    public RuleDto? Rule { get; set; }
}

internal sealed class RuleDto
{
    public string Type { get; set; } = "";

    public string? Evidence { get; set; }

    public string? Per { get; set; }

    public decimal? Scale { get; set; }

    public string? Label { get; set; }

    [JsonConverter(typeof(UnitConverter))]
    public LocalizedText? Unit { get; set; }

    public bool? Expected { get; set; }

    public decimal? AtLeast { get; set; }

    public decimal? AtMost { get; set; }

    public PartialDto? Partial { get; set; }

    public decimal? From { get; set; }

    public decimal? Target { get; set; }

    public List<BandDto>? Bands { get; set; }

    public List<ChecklistItemDto>? Items { get; set; }

    public string? Expression { get; set; }

    public string? Scorer { get; set; }

    public System.Text.Json.JsonElement? Options { get; set; }
}

internal sealed class PartialDto
{
    public decimal? AtLeast { get; set; }

    public decimal? AtMost { get; set; }

    public decimal Points { get; set; }
}

internal sealed class BandDto
{
    public decimal? AtLeast { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("equals")]
    public System.Text.Json.JsonElement? EqualsValue { get; set; }

    public decimal Points { get; set; }

    public string? Label { get; set; }
}

internal sealed class ChecklistItemDto
{
    public string Evidence { get; set; } = "";

    public decimal Points { get; set; }

    public string? Label { get; set; }
}
