namespace IndicatorEngine.Batch;

/// <summary>A first-level indicator across a group of subjects: the exact sum of their scores and the mean share of its points. Immutable.</summary>
/// <param name="Id">The indicator's id.</param>
/// <param name="Points">Its design points.</param>
/// <param name="Sum">Sum of the subjects' scores (exact).</param>
/// <param name="MeanShare">Sum ÷ (subjects × points), from 0 to 1 (above 1 only with extension bonus), to 4 decimal places; 0 for no subjects.</param>
public sealed record IndicatorShare(string Id, decimal Points, decimal Sum, decimal MeanShare);
