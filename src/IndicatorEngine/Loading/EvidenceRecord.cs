
namespace IndicatorEngine;

/// <summary>
/// One subject's evidence read against one indicator system (<see cref="IndicatorSystem.ReadEvidence"/>): who
/// the subject is, its values already checked and laid out by slot, and what was wrong with them. Score it with
/// <see cref="IndicatorSystem.Score(EvidenceRecord, string?)"/> of the same system. Immutable and thread-safe.
/// </summary>
public sealed class EvidenceRecord
{
    internal EvidenceRecord(IndicatorSystem system, ReadEvidence? read, string sourceName, IReadOnlyList<Diagnostic> diagnostics)
    {
        System = system;
        SourceName = sourceName;
        Diagnostics = diagnostics;
        Id = read?.Id ?? "";
        Name = read?.Name;
        Profile = read?.Profile;
        Region = read?.Region;
        Period = read?.Period;
        Slots = read?.Slots ?? [];
        CanScore = read is not null;
    }

    /// <summary>Whether the input was evidence that can be scored; false when it was not JSON or not of the evidence shape (see <see cref="Diagnostics"/>).</summary>
    public bool CanScore { get; }

    /// <summary>Stable id of the subject; "" when the record could not be read.</summary>
    public string Id { get; }

    /// <summary>Name of the school, or null.</summary>
    public string? Name { get; }

    /// <summary>Profile the evidence names, or null.</summary>
    public string? Profile { get; }

    /// <summary>Where the subject is, or null.</summary>
    public Region? Region { get; }

    /// <summary>Assessment year, or null.</summary>
    public int? Period { get; }

    /// <summary>The name the record was read under (a file, or a line of a batch).</summary>
    public string SourceName { get; }

    /// <summary>
    /// What was wrong with the input: errors for values the catalogue rejects (those values are unusable, the
    /// points that read them fail), warnings for keys the catalogue does not know; errors that stop the record
    /// from being scored when <see cref="CanScore"/> is false.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    internal IndicatorSystem System { get; }

    internal EvidenceValue[] Slots { get; }

    /// <summary>The school's self-scores by plan node index (null where none is given); null when the evidence gives none.</summary>
    internal decimal?[]? SelfScores { get; init; }
}
