namespace IndicatorEngine.Batch;

/// <summary>How many scored subjects reached a grade. Immutable.</summary>
/// <param name="GradeId">The grade's id; null for subjects that reached no grade band (or a system without grades).</param>
/// <param name="Count">How many.</param>
public sealed record GradeCount(string? GradeId, long Count);
