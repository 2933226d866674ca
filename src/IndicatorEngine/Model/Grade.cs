namespace IndicatorEngine;

/// <summary>A score band, e.g. 优秀 (excellent) from 540 points. Immutable.</summary>
/// <param name="Id">Stable id, e.g. <c>excellent</c>.</param>
/// <param name="Title">Title as published.</param>
/// <param name="MinScore">Lowest total that earns this grade.</param>
public sealed record Grade(string Id, LocalizedText Title, decimal MinScore)
{
    /// <summary>
    /// Whether the band's cut-off is the source's (<see cref="IndicatorEngine.Provenance.Published"/>, the default) or
    /// set by the definition's authors (<see cref="IndicatorEngine.Provenance.Modeled"/>).
    /// </summary>
    public Provenance Provenance { get; init; }
}
