namespace IndicatorEngine.Batch;

/// <summary>One subject of a ranking listing (<see cref="BatchRanking.List"/>). Immutable.</summary>
/// <param name="Id">Subject id.</param>
/// <param name="Total">Its total.</param>
/// <param name="Vetoed">Whether a veto fired (it then ranks after every subject that was not vetoed).</param>
/// <param name="Position">Its rank and percentile.</param>
public sealed record RankedSubject(string Id, decimal Total, bool Vetoed, RankPosition Position);
