namespace IndicatorEngine.Batch;

/// <summary>Where a subject stands in one ranking. Immutable.</summary>
/// <param name="Rank">Competition rank from 1: subjects with the same total share a rank and the next rank is skipped (1, 2, 2, 4); vetoed subjects come after every subject that was not vetoed.</param>
/// <param name="Of">How many subjects the ranking holds.</param>
/// <param name="Percentile">100 × (Of − Rank) ÷ (Of − 1), to 2 decimal places (100 when the ranking holds one subject): 100 for the first, 0 for the last.</param>
public readonly record struct RankPosition(long Rank, long Of, decimal Percentile);
