namespace IndicatorEngine.Loading;

/// <summary>What <see cref="EvidenceReader"/> read from one evidence document.</summary>
internal sealed class ReadEvidence(EvidenceValue[]? slots)
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Profile { get; set; }

    public Region? Region { get; set; }

    public int? Period { get; set; }

    /// <summary>The values by slot, when read against a catalogue; missing values are <see cref="EvidenceKind.Missing"/>.</summary>
    public EvidenceValue[]? Slots => slots;

    /// <summary>The keys of the values supplied, when read without a catalogue.</summary>
    public List<string> Keys => field ??= [];

    /// <summary>The self-scores that are numbers of 0 or more, in file order, when read against a catalogue; null when there are none.</summary>
    public List<SelfScoreEntry>? SelfScores { get; set; }

    /// <summary>The documents, when read without a catalogue.</summary>
    public List<EvidenceDocument> Documents => field ??= [];
}

/// <summary>One self-score as read: the point id it names, its points, and the byte offset of its value (for a diagnostic).</summary>
internal readonly record struct SelfScoreEntry(string PointId, decimal Points, long Offset);
