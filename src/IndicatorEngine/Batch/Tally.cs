namespace IndicatorEngine.Batch;

/// <summary>
/// The exact, mergeable counts behind a summary or one region's roll-up: how many subjects were scored, passed and
/// vetoed, the sum of their totals and of each first-level indicator's scores (decimals, never rounded), and how
/// many subjects had each total (a histogram: totals are rounded to the system's precision, so a 600-point system
/// has at most 60,001 of them whatever the count). Merging adds counts and sums, so a merge of shards' tallies is
/// the tally of the whole; medians, quartiles and ranks are read off the histogram.
/// </summary>
internal sealed class Tally
{
    public Tally(int indicators, int targets)
    {
        IndicatorSums = new decimal[indicators];
        Targets = new TargetCount[targets];
    }

    public long Count { get; set; }

    public long Passed { get; set; }

    public long Vetoed { get; set; }

    public decimal Sum { get; set; }

    public decimal[] IndicatorSums { get; }

    /// <summary>Each regional target's counts, in the definition's order.</summary>
    public TargetCount[] Targets { get; }

    /// <summary>Subjects by total: (all of them, the vetoed among them).</summary>
    public Dictionary<decimal, (long All, long Vetoed)> Totals { get; } = [];

    /// <summary>A decimal in its shortest form, so that 536.290 and 536.29 are one key and are written alike.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public void Add(decimal total, bool passed, bool vetoed, decimal[] scores, int[] roots, ReadOnlySpan<TargetCount> targets)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            Targets[i] += targets[i];
        }

        Count++;
        Passed += passed ? 1 : 0;
        Vetoed += vetoed ? 1 : 0;
        Sum += total;
        for (var i = 0; i < roots.Length; i++)
        {
            IndicatorSums[i] += scores[roots[i]];
        }

        AddTotal(total, 1, vetoed ? 1 : 0);
    }

    public void AddTotal(decimal total, long all, long vetoed)
    {
        var key = Normalize(total);
        Totals[key] = Totals.TryGetValue(key, out var had) ? (had.All + all, had.Vetoed + vetoed) : (all, vetoed);
    }

    public void Merge(Tally other)
    {
        Count += other.Count;
        Passed += other.Passed;
        Vetoed += other.Vetoed;
        Sum += other.Sum;
        for (var i = 0; i < IndicatorSums.Length; i++)
        {
            IndicatorSums[i] += other.IndicatorSums[i];
        }

        for (var i = 0; i < Targets.Length; i++)
        {
            Targets[i] += other.Targets[i];
        }

        foreach (var (total, (all, vetoed)) in other.Totals)
        {
            AddTotal(total, all, vetoed);
        }
    }

    /// <summary>The histogram in ascending order of total.</summary>
    public IReadOnlyList<TotalCount> Ascending() =>
        Totals.OrderBy(t => t.Key).Select(t => new TotalCount(t.Key, t.Value.All, t.Value.Vetoed)).ToList();
}
