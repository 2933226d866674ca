namespace IndicatorEngine.Cli.Comparing;

/// <summary>A subject in both batches: its old and new line.</summary>
internal sealed record SubjectMove(BatchEntry Old, BatchEntry New)
{
    public string Id => New.Id;

    /// <summary>The new total less the old.</summary>
    public decimal Delta => New.Total - Old.Total;

    /// <summary>Places moved up (positive) or down; null when either batch was not ranked.</summary>
    public long? RankDelta => Old.Rank is { } before && New.Rank is { } after ? before - after : null;

    public bool NewlyPassing => New.Verdict == Verdict.Passed && Old.Verdict != Verdict.Passed;

    public bool NewlyFailing => New.Verdict == Verdict.Failed && Old.Verdict != Verdict.Failed;

    public bool VerdictChanged => Old.Verdict != New.Verdict || Old.Vetoed != New.Vetoed;

    public bool GradeChanged => Old.GradeId != New.GradeId;
}

/// <summary>How many of each: subjects, matches, moves, verdict and grade changes, error records.</summary>
internal sealed record BatchCounts(
    long Old, long New, long Matched, long Added, long Missing, long Up, long Down, long Unchanged,
    long NewlyPassing, long NewlyFailing, long VerdictChanged, long GradeChanged, long RankChanged, long OldErrors, long NewErrors);

/// <summary>
/// Two batches' results compared subject by subject (matched by id): the counts, and the top N of each list —
/// movers up and down (largest total change first, ties by id), rank changes (most places first), newly passing
/// and newly failing (largest change first), subjects only the new or only the old batch has (by id).
/// Immutable.
/// </summary>
internal sealed record BatchComparison(
    int Top,
    BatchCounts Counts,
    IReadOnlyList<SubjectMove> Up,
    IReadOnlyList<SubjectMove> Down,
    IReadOnlyList<SubjectMove> RankChanges,
    IReadOnlyList<SubjectMove> NewlyPassing,
    IReadOnlyList<SubjectMove> NewlyFailing,
    IReadOnlyList<BatchEntry> Added,
    IReadOnlyList<BatchEntry> Missing)
{
    /// <summary>
    /// Reads the old results into memory (a small record a subject), then streams the new ones against them.
    /// A line that cannot be read throws an <see cref="InvalidDataException"/> naming its file and line.
    /// </summary>
    public static BatchComparison Compare(string oldPath, string newPath, int top)
    {
        var oldReader = BatchResultsReader.Open(oldPath);
        var newReader = BatchResultsReader.Open(newPath);
        var old = new Dictionary<string, BatchEntry>(StringComparer.Ordinal);
        foreach (var entry in oldReader.Entries())
        {
            old.Add(entry.Id, entry);
        }

        var moves = new List<SubjectMove>();
        var added = new List<BatchEntry>();
        var matchedIds = new HashSet<string>(StringComparer.Ordinal);
        long newCount = 0;
        foreach (var entry in newReader.Entries())
        {
            newCount++;
            if (old.TryGetValue(entry.Id, out var before))
            {
                moves.Add(new SubjectMove(before, entry));
                matchedIds.Add(entry.Id);
            }
            else
            {
                added.Add(entry);
            }
        }

        var missing = old.Values.Where(e => !matchedIds.Contains(e.Id)).ToList();
        return Build(top, moves, added, missing, old.Count, newCount, oldReader.ErrorRecords, newReader.ErrorRecords);
    }

    /// <summary>The comparison of moves already matched; the lists cut to <paramref name="top"/>.</summary>
    internal static BatchComparison Build(int top, IReadOnlyList<SubjectMove> moves, IReadOnlyList<BatchEntry> added, IReadOnlyList<BatchEntry> missing, long oldCount, long newCount, long oldErrors, long newErrors)
    {
        var counts = new BatchCounts(
            oldCount,
            newCount,
            moves.Count,
            added.Count,
            missing.Count,
            moves.Count(m => m.Delta > 0),
            moves.Count(m => m.Delta < 0),
            moves.Count(m => m.Delta == 0),
            moves.Count(m => m.NewlyPassing),
            moves.Count(m => m.NewlyFailing),
            moves.Count(m => m.VerdictChanged),
            moves.Count(m => m.GradeChanged),
            moves.Count(m => m.RankDelta is not null and not 0),
            oldErrors,
            newErrors);
        return new BatchComparison(
            top,
            counts,
            Largest(moves.Where(m => m.Delta > 0), top),
            Largest(moves.Where(m => m.Delta < 0), top),
            moves.Where(m => m.RankDelta is not null and not 0)
                .OrderByDescending(m => Math.Abs(m.RankDelta!.Value)).ThenBy(m => m.Id, StringComparer.Ordinal).Take(top).ToList(),
            Largest(moves.Where(m => m.NewlyPassing), top),
            Largest(moves.Where(m => m.NewlyFailing), top),
            added.OrderBy(e => e.Id, StringComparer.Ordinal).Take(top).ToList(),
            missing.OrderBy(e => e.Id, StringComparer.Ordinal).Take(top).ToList());
    }

    private static List<SubjectMove> Largest(IEnumerable<SubjectMove> moves, int top) =>
        moves.OrderByDescending(m => Math.Abs(m.Delta)).ThenBy(m => m.Id, StringComparer.Ordinal).Take(top).ToList();
}
