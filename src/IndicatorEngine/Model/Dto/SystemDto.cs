using System.Text.Json.Serialization;

namespace IndicatorEngine.Model.Dto;

// The definition file as written, one class per JSON object kind. Serialized with System.Text.Json
// (camelCase, nulls omitted) so that definition → model → JSON → model is an identity.
internal sealed class SystemDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string Id { get; set; } = "";

    public string Version { get; set; } = "";

    public TitleDto Title { get; set; } = new();

    public string? Description { get; set; }

    public string? Source { get; set; }

    public string? Extends { get; set; }

    /// <summary>"zh" or "en": the language of the system's scorecards unless the reader asks for another; zh when absent.</summary>
    public string? Language { get; set; }

    public decimal? Points { get; set; }

    public int? Precision { get; set; }

    public AggregationDto? Aggregation { get; set; }

    public string? DefaultProfile { get; set; }

    public List<EvidenceDeclarationDto>? Evidence { get; set; }

    public List<ProfileDto>? Profiles { get; set; }

    public List<GradeDto>? Grades { get; set; }

    public List<VetoDto>? Vetoes { get; set; }

    public List<TargetDto>? Targets { get; set; }

    public List<NodeDto>? Indicators { get; set; }

    public List<NodeDto>? Patches { get; set; }
}

internal sealed class TitleDto
{
    public string Zh { get; set; } = "";

    public string? En { get; set; }
}

internal sealed class EvidenceDeclarationDto
{
    public string Key { get; set; } = "";

    public string Type { get; set; } = "";

    public string? Title { get; set; }

    [JsonConverter(typeof(UnitConverter))]
    public LocalizedText? Unit { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public List<string>? Values { get; set; }

    public string? Description { get; set; }

    public bool Fixed { get; set; }
}

internal sealed class ProfileDto
{
    public string Id { get; set; } = "";

    public TitleDto Title { get; set; } = new();

    public decimal PassThreshold { get; set; }

    public string? PassThresholdProvenance { get; set; }

    public List<string>? NotApplicable { get; set; }

    public List<GradeDto>? Grades { get; set; }
}

internal sealed class GradeDto
{
    public string Id { get; set; } = "";

    public TitleDto Title { get; set; } = new();

    public decimal MinScore { get; set; }

    public string? Provenance { get; set; }
}

internal sealed class VetoDto
{
    public string Id { get; set; } = "";

    public TitleDto Title { get; set; } = new();

    public string? Description { get; set; }

    public ConditionDto When { get; set; } = new();
}

/// <summary>A regional target: a share of schools meeting <see cref="When"/>, or a mean of an evidence value.</summary>
internal sealed class TargetDto
{
    public string Id { get; set; } = "";

    public TitleDto Title { get; set; } = new();

    public string? Description { get; set; }

    public string? Source { get; set; }

    public string? Profile { get; set; }

    public decimal? Share { get; set; }

    public TargetConditionDto? When { get; set; }

    public string? Mean { get; set; }

    public string? Weight { get; set; }

    public decimal? AtLeast { get; set; }
}

internal sealed class TargetConditionDto
{
    public bool? Passed { get; set; }

    public string? Evidence { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("equals")]
    public System.Text.Json.JsonElement? EqualsValue { get; set; }

    public decimal? AtLeast { get; set; }
}

internal sealed class ConditionDto
{
    public string? Evidence { get; set; }

    public string? Formula { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("equals")]
    public System.Text.Json.JsonElement? EqualsValue { get; set; }

    public decimal? AtLeast { get; set; }

    public decimal? AtMost { get; set; }

    public decimal? GreaterThan { get; set; }

    public decimal? LessThan { get; set; }
}
