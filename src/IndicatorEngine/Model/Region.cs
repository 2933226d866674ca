namespace IndicatorEngine;

/// <summary>Where a subject is: province, city and county (any may be null). Immutable.</summary>
/// <param name="Province">Province, e.g. 河南省.</param>
/// <param name="City">City, e.g. 郑州市.</param>
/// <param name="County">County or district.</param>
public sealed record Region(string? Province, string? City, string? County);
