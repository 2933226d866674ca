namespace IndicatorEngine.Batch;

/// <summary>Which rankings a batch writes on each result line (<see cref="BatchOptions.Ranking"/>); combine with <c>|</c>.</summary>
[Flags]
public enum RankScopes
{
    /// <summary>No ranking: lines are written as subjects finish, in one pass.</summary>
    None = 0,

    /// <summary>Rank across the whole batch: <c>rank</c> and <c>percentile</c>.</summary>
    Batch = 1,

    /// <summary>Rank within the subject's province: <c>ranks.province</c>.</summary>
    Province = 2,

    /// <summary>Rank within the subject's city (province and city): <c>ranks.city</c>.</summary>
    City = 4,

    /// <summary>Rank within the subject's county (province, city and county): <c>ranks.county</c>.</summary>
    County = 8,
}
