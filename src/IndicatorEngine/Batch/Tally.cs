namespace IndicatorEngine.Batch;

/// <summary>
/// The exact, mergeable counts behind a summary or one region's roll-up: how many subjects were scored, passed,
/// undetermined and vetoed, the sum of their totals and of each first-level indicator's scores (decimals, never rounded), and how
/// many subjects had each total (a histogram: totals are rounded to the system's precision, so a 600-point system
/// of precision 2 has at most 60,001 of them whatever the count, at 24 bytes each). Merging adds counts and sums,
/// so a merge of shards' tallies is the tally of the whole; medians, quartiles and ranks are read off the histogram.
/// </summary>
internal sealed class Tally
{
    // The histogram, keyed by total in its smallest unit (see KeyOf): every subject in _counts, the vetoed also in
    // _vetoed (few). Long keys and counts make an entry 24 bytes, against 40 for decimal keys and paired counts.
    private readonly Dictionary<long, long> _counts = [];
    private readonly Dictionary<long, long> _vetoed = [];
    private int _scale;
    private long _factor = 1;

    public Tally(int indicators, int targets)
    {
        IndicatorSums = new decimal[indicators];
        Targets = new TargetCount[targets];
    }

    public long Count { get; set; }

    public long Passed { get; set; }

    public long Undetermined { get; set; }

    public long Vetoed { get; set; }

    public decimal Sum { get; set; }

    public decimal[] IndicatorSums { get; }

    /// <summary>Each regional target's counts, in the definition's order.</summary>
    public TargetCount[] Targets { get; }

    /// <summary>Distinct totals in the histogram.</summary>
    public int DistinctTotals => _counts.Count;

    /// <summary>A decimal in its shortest form, so that 536.290 and 536.29 are one key and are written alike.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public void Add(decimal total, Verdict verdict, bool vetoed, decimal[] scores, int[] roots, ReadOnlySpan<TargetCount> targets)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            Targets[i] += targets[i];
        }

        Count++;
        Passed += verdict == Verdict.Passed ? 1 : 0;
        Undetermined += verdict == Verdict.Undetermined ? 1 : 0;
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
        var key = KeyOf(total);
        _counts[key] = _counts.GetValueOrDefault(key) + all;
        if (vetoed != 0)
        {
            _vetoed[key] = _vetoed.GetValueOrDefault(key) + vetoed;
        }
    }

    public void Merge(Tally other)
    {
        Count += other.Count;
        Passed += other.Passed;
        Undetermined += other.Undetermined;
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

        foreach (var bar in other.Bars())
        {
            AddTotal(bar.Total, bar.Count, bar.Vetoed);
        }
    }

    /// <summary>The histogram in ascending order of total.</summary>
    public IReadOnlyList<TotalCount> Ascending() => [.. Bars().OrderBy(b => b.Total)];

    /// <summary>The histogram's bars, in no order.</summary>
    public IEnumerable<TotalCount> Bars() =>
        _counts.Select(c => new TotalCount(Normalize((decimal)c.Key / _factor), c.Value, _vetoed.GetValueOrDefault(c.Key)));

    /// <summary>
    /// A total as a whole number of its smallest unit (hundredths for a system of precision 2): the histogram's key.
    /// The unit follows the totals: a total with more decimal places than those before rescales the keys once.
    /// </summary>
    private long KeyOf(decimal total)
    {
        total = Normalize(total);
        var scale = total.Scale;
        if (scale > _scale)
        {
            var by = Pow10(scale - _scale);
            Rescale(_counts, by);
            Rescale(_vetoed, by);
            _scale = scale;
            _factor = Pow10(scale);
        }

        return decimal.ToInt64(total * _factor);

        static void Rescale(Dictionary<long, long> counts, long by)
        {
            var old = counts.ToList();
            counts.Clear();
            foreach (var (key, count) in old)
            {
                counts[key * by] = count;
            }
        }

        static long Pow10(int n)
        {
            var p = 1L;
            for (var i = 0; i < n; i++)
            {
                p *= 10;
            }

            return p;
        }
    }
}
