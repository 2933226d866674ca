namespace IndicatorEngine.Batch;

/// <summary>A subject's ranks across the batch and within its regions; a rank not asked for, or a region the subject does not name, is null. Immutable.</summary>
/// <param name="Batch">Across the whole batch.</param>
/// <param name="Province">Within its province.</param>
/// <param name="City">Within its city.</param>
/// <param name="County">Within its county.</param>
public sealed record SubjectRank(RankPosition? Batch, RankPosition? Province, RankPosition? City, RankPosition? County);
