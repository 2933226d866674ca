namespace IndicatorEngine.Batch;

/// <summary>How many scored subjects had one total: a bar of a summary's exact histogram. Immutable.</summary>
/// <param name="Total">The total.</param>
/// <param name="Count">Subjects with that total, vetoed ones included.</param>
/// <param name="Vetoed">Of those, the vetoed.</param>
public sealed record TotalCount(decimal Total, long Count, long Vetoed);
