namespace IndicatorEngine.Cli.Comparing;

/// <summary>
/// Two results of one subject side by side (self-assessment and expert, last year and this year): every indicator
/// and observation point matched by id with its delta, the totals, bounds, verdict and grade of each, and what does
/// not match (another system, version or subject; indicators only one side has). Immutable.
/// </summary>
internal sealed record ResultComparison(
    Scorecard Old,
    Scorecard New,
    IReadOnlyList<IndicatorDelta> Changes,
    IReadOnlyList<IndicatorDelta> FirstLevel,
    IReadOnlyList<IndicatorSide> OnlyInOld,
    IReadOnlyList<IndicatorSide> OnlyInNew)
{
    /// <summary>The new total less the old.</summary>
    public decimal TotalDelta => New.Total - Old.Total;

    /// <summary>The new upper bound less the old.</summary>
    public decimal UpperBoundDelta => New.TotalUpperBound - Old.TotalUpperBound;

    public bool SameSystem => Old.SystemId == New.SystemId;

    public bool SameVersion => SameSystem && Old.SystemVersion == New.SystemVersion;

    public bool SameSubject => Old.Subject.Id == New.Subject.Id;

    public bool VerdictChanged => Old.Verdict != New.Verdict || Old.Vetoed != New.Vetoed;

    public bool GradeChanged => Old.Grade?.Id != New.Grade?.Id;

    /// <summary>
    /// Compares <paramref name="old"/> with <paramref name="new"/>: the indicators both have, by id, whose score,
    /// points or status differ, largest change first (by absolute delta, ties by id); the first-level indicators
    /// both have, in the new result's order, changed or not (for a chart); and the ids only one side has.
    /// </summary>
    public static ResultComparison Compare(Scorecard old, Scorecard @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var oldNodes = Flatten(old);
        var newNodes = Flatten(@new);
        var matched = new List<IndicatorDelta>();
        foreach (var (id, after) in newNodes)
        {
            if (oldNodes.TryGetValue(id, out var before))
            {
                matched.Add(new IndicatorDelta(id, before, after));
            }
        }

        var changes = matched.Where(d => d.Changed)
            .OrderByDescending(d => Math.Abs(d.Delta)).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var firstLevel = @new.Indicators.Where(i => oldNodes.ContainsKey(i.Id))
            .Select(i => new IndicatorDelta(i.Id, oldNodes[i.Id], newNodes[i.Id]))
            .ToList();
        return new ResultComparison(old, @new, changes, firstLevel, OnlyIn(oldNodes, newNodes), OnlyIn(newNodes, oldNodes));
    }

    private static List<IndicatorSide> OnlyIn(Dictionary<string, IndicatorSide> these, Dictionary<string, IndicatorSide> others) =>
        these.Values.Where(s => !others.ContainsKey(s.Score.Id)).OrderBy(s => s.Score.Id, StringComparer.Ordinal).ToList();

    /// <summary>Every node of the card by id with its depth (1 for first level); a repeated id keeps its first node.</summary>
    private static Dictionary<string, IndicatorSide> Flatten(Scorecard card)
    {
        var nodes = new Dictionary<string, IndicatorSide>(StringComparer.Ordinal);
        void Walk(IndicatorScore score, int level)
        {
            nodes.TryAdd(score.Id, new IndicatorSide(score, level));
            foreach (var child in score.Children)
            {
                Walk(child, level + 1);
            }
        }

        foreach (var first in card.Indicators)
        {
            Walk(first, 1);
        }

        return nodes;
    }
}

/// <summary>One indicator as one result has it, with its level in the tree (1 for first level).</summary>
internal sealed record IndicatorSide(IndicatorScore Score, int Level)
{
    public bool IsPoint => Score.Children.Count == 0;
}

/// <summary>An indicator both results have: its score, points and status on each side.</summary>
internal sealed record IndicatorDelta(string Id, IndicatorSide Old, IndicatorSide New)
{
    /// <summary>The new score less the old.</summary>
    public decimal Delta => New.Score.Score - Old.Score.Score;

    public bool StatusChanged => Old.Score.Status != New.Score.Status;

    public bool Changed => Delta != 0 || StatusChanged || Old.Score.Max != New.Score.Max;

    /// <summary>True for an observation point (on the new side).</summary>
    public bool IsPoint => New.IsPoint;
}
