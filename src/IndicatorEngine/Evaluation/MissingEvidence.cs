namespace IndicatorEngine;

/// <summary>An evidence key a subject did not supply, and the indicators (or vetoes) that needed it. Immutable.</summary>
/// <param name="Key">The evidence key.</param>
/// <param name="Title">Its title in the catalogue.</param>
/// <param name="NeededBy">Ids of the indicators and vetoes that read it.</param>
public sealed record MissingEvidence(string Key, string Title, IReadOnlyList<string> NeededBy);
