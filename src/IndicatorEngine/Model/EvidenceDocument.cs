namespace IndicatorEngine;

/// <summary>A document submitted as evidence (佐证材料). Immutable.</summary>
/// <param name="Name">File or document name.</param>
/// <param name="Kind">The document-type evidence key it supports.</param>
/// <param name="Sha256">Hex SHA-256 of the file, or null when not given.</param>
public sealed record EvidenceDocument(string Name, string Kind, string? Sha256);
