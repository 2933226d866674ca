namespace IndicatorEngine.Batch;

/// <summary>How a batch runs and what it writes. Immutable once built; the defaults suit most batches.</summary>
public sealed class BatchOptions
{
    /// <summary>The defaults: one worker per processor, <see cref="BatchDetail.Indicators"/>, no ranking.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary>Subjects scored at once; at least 1. Default <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Most records in flight at once — read, being scored, or finished and waiting for an earlier one to be
    /// written — and so the batch's whole working set: the reader waits for a free place before it reads the next
    /// record. At least <see cref="MaxParallelism"/>; default 1,024.
    /// </summary>
    public int Window { get; init; } = 1024;

    /// <summary>What each result line holds. Default <see cref="BatchDetail.Indicators"/>.</summary>
    public BatchDetail Detail { get; init; } = BatchDetail.Indicators;

    /// <summary>Profile to score every subject under; null to use each record's profile, else the system's default.</summary>
    public string? ProfileId { get; init; }

    /// <summary>
    /// Rankings to add to each result line. Ranking needs every total, so a ranked batch writes its results to a
    /// temporary file first and copies them to the output with the ranks joined in (see <see cref="BatchRanking"/>).
    /// </summary>
    public RankScopes Ranking { get; init; } = RankScopes.None;

    /// <summary>Folder for the temporary file of a ranked batch; null for <see cref="Path.GetTempPath"/>.</summary>
    public string? TemporaryFolder { get; init; }

    /// <summary>
    /// Whether a subject id seen earlier in the batch makes the later record an error record (IE504). The check is the
    /// one thing a batch keeps that grows with the count, about 24 bytes a subject (24 MB for a million); turn it
    /// off only for input whose ids are known to be unique. Default true.
    /// </summary>
    public bool CheckDuplicateIds { get; init; } = true;

    /// <summary>Where to report progress, or null.</summary>
    public IProgress<BatchProgress>? Progress { get; init; }

    /// <summary>Report progress every this many records (and once at the end); default 1,000.</summary>
    public int ProgressInterval { get; init; } = 1000;

    /// <summary>Longest record in bytes (an NDJSON line, a payload); a longer one is an error record. Default 16 MiB.</summary>
    public int MaxRecordBytes { get; init; } = (int)LoadOptions.DefaultMaxFileBytes;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelism, 1, nameof(MaxParallelism));
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, MaxParallelism, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProgressInterval, 1, nameof(ProgressInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordBytes, 1, nameof(MaxRecordBytes));
        if (!Enum.IsDefined(Detail))
        {
            throw new ArgumentOutOfRangeException(nameof(Detail), Detail, "not a BatchDetail");
        }
    }
}
