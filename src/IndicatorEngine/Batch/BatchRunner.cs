using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace IndicatorEngine.Batch;

/// <summary>
/// Scores a batch of subjects against one system: reads records from a <see cref="BatchSource"/> (NDJSON, CSV, or
/// records in code), scores them on <see cref="BatchOptions.MaxParallelism"/> threads, and hands out exactly one
/// output record per input record, in input order — a result, or an error record that names the record and says
/// why (a malformed record fails alone). Memory stays flat whatever the count: at most
/// <see cref="BatchOptions.Window"/> records are in flight, and the summary keeps counts and histograms, not
/// subjects. The only thing that grows with the count is the duplicate-id check (about 24 bytes a subject; see
/// <see cref="BatchOptions.CheckDuplicateIds"/>).
/// A subject id seen earlier in the batch makes the later record an error record (IE504) naming the first; it is
/// not scored into the summary or the ranking. Reusable: one runner can run any number of batches, one at a time
/// or at once.
/// </summary>
public sealed class BatchRunner
{
    private readonly BatchLineWriter _lines;

    /// <summary>A runner for one system.</summary>
    /// <param name="system">The compiled system to score against.</param>
    /// <param name="options">How to run; null for <see cref="BatchOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public BatchRunner(IndicatorSystem system, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= BatchOptions.Default;
        options.Validate();
        if (options.ProfileId is { } profile && system.FindProfile(profile) is null)
        {
            throw new ArgumentException($"profile '{profile}' is not one of {system.Id}'s profiles: {string.Join(", ", system.Profiles.Select(p => p.Id))}", nameof(options));
        }

        System = system;
        Options = options;
        _lines = new BatchLineWriter(system, options.Detail);
    }

    /// <summary>The system scored against.</summary>
    public IndicatorSystem System { get; }

    /// <summary>The options.</summary>
    public BatchOptions Options { get; }

    /// <summary>Jobs the last batch made: at most <see cref="BatchOptions.Window"/> (for tests of the bound).</summary>
    internal int LastJobsCreated { get; private set; }

    /// <summary>
    /// Scores the batch and writes one NDJSON line per input record to <paramref name="output"/>, in input order, as
    /// they finish (UTF-8, <c>\n</c>): a result, <c>{"record": N, "subject": …, "total": …, …}</c> cut to
    /// <see cref="BatchOptions.Detail"/>, or an error record, <c>{"record": N, "id": …, "error": {"code", "message"},
    /// "diagnostics": […]}</c>. With <see cref="BatchOptions.Ranking"/>, the lines go to a temporary file first
    /// and are then copied to the output with their ranks (<see cref="BatchRanking.AddRanksAsync"/>).
    /// </summary>
    /// <param name="source">The input.</param>
    /// <param name="output">Where to write; flushed, not closed.</param>
    /// <param name="cancellationToken">
    /// Stops the batch before its next record: workers stop, the lines handed out so far are written (whole lines
    /// only; none when ranking, since ranks need every total) and <see cref="OperationCanceledException"/> is thrown.
    /// </param>
    /// <returns>The summary of the batch.</returns>
    /// <exception cref="InvalidDataException">A CSV header cannot be used.</exception>
    public async Task<BatchSummary> RunAsync(BatchSource source, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        var summary = BatchSummary.For(System);
        if (Options.Ranking == RankScopes.None)
        {
            await WriteAsync(source, output, summary, cancellationToken).ConfigureAwait(false);
            return summary;
        }

        var folder = Options.TemporaryFolder ?? Path.GetTempPath();
        var path = Path.Combine(folder, $"indicator-batch-{Guid.NewGuid():N}.ndjson");
        await using var temporary = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WriteAsync(source, temporary, summary, cancellationToken).ConfigureAwait(false);
        temporary.Position = 0;
        await new BatchRanking(summary, Options.Ranking).AddRanksAsync(temporary, output, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>
    /// Scores the batch and hands out one <see cref="BatchResult"/> per input record, in input order, as they finish;
    /// writes nothing. The reader stays at most <see cref="BatchOptions.Window"/> records ahead of the caller.
    /// </summary>
    /// <param name="source">The input.</param>
    /// <param name="cancellationToken">Stops the batch before its next record (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The records.</returns>
    public async IAsyncEnumerable<BatchResult> ScoreAsync(BatchSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await foreach (var job in FinishAsync(source, null, serialize: false, cancellationToken).ConfigureAwait(false))
        {
            yield return new BatchResult(job.Record, job.SubjectId, job.Card, job.Card is null ? job.Errors! : []);
        }
    }

    private async Task WriteAsync(BatchSource source, Stream output, BatchSummary summary, CancellationToken cancellationToken)
    {
        var chunk = new OutputChunk(output);
        try
        {
            await foreach (var job in FinishAsync(source, summary, serialize: true, cancellationToken).ConfigureAwait(false))
            {
                chunk.Append(job.Output.WrittenSpan);
                await chunk.FlushIfFullAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await chunk.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The finished jobs in input order, with duplicate ids turned into error records, counted into the summary and the progress.</summary>
    private async IAsyncEnumerable<BatchJob> FinishAsync(BatchSource source, BatchSummary? summary, bool serialize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pipeline = new BatchPipeline(System, Options, serialize ? _lines : null);
        var ids = new DuplicateIds();
        var progress = Options.Progress;
        var clock = Stopwatch.StartNew();
        long done = 0, errors = 0;
        try
        {
            await foreach (var job in pipeline.RunAsync(source, cancellationToken).ConfigureAwait(false))
            {
                if (job.Card is not null && Options.CheckDuplicateIds && ids.Seen(job.IdKey, job.Record) is { } first)
                {
                    job.Card = null;
                    job.Errors = [job.Relocate(new Diagnostic(DiagnosticCodes.DuplicateSubject, DiagnosticSeverity.Error,
                        $"subject id '{job.SubjectId}' is already used by record {first.ToString(CultureInfo.InvariantCulture)}; this record is not scored (give every school its own id)", source.Name, "/id", 1, 0))];
                    if (serialize)
                    {
                        pipeline.WriteLine(job);
                    }
                }

                done++;
                if (job.Card is { } card)
                {
                    summary?.Add(card);
                }
                else
                {
                    errors++;
                    summary?.AddError();
                }

                yield return job;
                if (progress is not null && done % Options.ProgressInterval == 0)
                {
                    progress.Report(new BatchProgress(done, errors, clock.Elapsed));
                }
            }
        }
        finally
        {
            LastJobsCreated = pipeline.JobsCreated;
        }

        progress?.Report(new BatchProgress(done, errors, clock.Elapsed));
    }
}
