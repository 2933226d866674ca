namespace IndicatorEngine.Batch;

/// <summary>
/// One region's roll-up in a <see cref="BatchSummary"/>: its scored subjects (error records are not counted), how
/// many passed, the mean total and each first-level indicator's mean share of its points. A subject counts in the
/// roll-up of each level its region names (a school with a province and a city counts in both). Read-only.
/// </summary>
public sealed class RegionSummary
{
    private readonly Tally _tally;
    private readonly IReadOnlyList<(string Id, decimal Points)> _indicators;
    private readonly IReadOnlyList<TargetRule> _targets;

    internal RegionSummary(RegionLevel level, string? province, string? city, string? county, Tally tally, IReadOnlyList<(string Id, decimal Points)> indicators, IReadOnlyList<TargetRule> targets)
    {
        _targets = targets;
        Level = level;
        Province = province;
        City = city;
        County = county;
        _tally = tally;
        _indicators = indicators;
    }

    /// <summary>The level: province, city or county.</summary>
    public RegionLevel Level { get; }

    /// <summary>The province, or null when the subjects did not name one.</summary>
    public string? Province { get; }

    /// <summary>The city, for a city or county roll-up; else null.</summary>
    public string? City { get; }

    /// <summary>The county, for a county roll-up; else null.</summary>
    public string? County { get; }

    /// <summary>Subjects scored.</summary>
    public long Count => _tally.Count;

    /// <summary>Of those, passed.</summary>
    public long Passed => _tally.Passed;

    /// <summary>Of those, undetermined (evidence missing or invalid where it decides the verdict).</summary>
    public long Undetermined => _tally.Undetermined;

    /// <summary>Of those, vetoed.</summary>
    public long Vetoed => _tally.Vetoed;

    /// <summary>Passed ÷ count, from 0 to 1, to 4 decimal places.</summary>
    public decimal PassRate => BatchSummary.Ratio(Passed, Count);

    /// <summary>Sum of the totals (exact).</summary>
    public decimal Sum => Tally.Normalize(_tally.Sum);

    /// <summary>Mean total to 4 decimal places; null when no subject was scored.</summary>
    public decimal? Mean => BatchSummary.MeanOf(_tally);

    /// <summary>Each first-level indicator's sum and mean share, in the system's order.</summary>
    public IReadOnlyList<IndicatorShare> Indicators => BatchSummary.SharesOf(_tally, _indicators);

    /// <summary>The definition's regional targets, each met or not in this region.</summary>
    public IReadOnlyList<TargetOutcome> Targets => BatchSummary.OutcomesOf(_tally, _targets);

    /// <summary>The exact histogram of totals, ascending: what regional ranks and a merge are made from.</summary>
    public IReadOnlyList<TotalCount> Totals => _tally.Ascending();

    internal Tally Tally => _tally;
}
