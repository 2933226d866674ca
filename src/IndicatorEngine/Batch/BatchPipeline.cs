using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace IndicatorEngine.Batch;

/// <summary>
/// Scores a batch's records in parallel and hands them back in input order, in bounded memory. One reader task
/// reads records in order into jobs; <see cref="BatchOptions.MaxParallelism"/> workers read, score and (when asked)
/// write each job's line; the caller takes jobs back in input order, waiting for each to be finished. There are
/// never more than <see cref="BatchOptions.Window"/> jobs: the reader waits for the caller to give one back
/// before it reads the next record, so a slow consumer or one slow record holds the reader back, and nothing
/// piles up whatever the count.
/// </summary>
internal sealed class BatchPipeline
{
    private readonly IndicatorSystem _system;
    private readonly BatchOptions _options;
    private readonly BatchLineWriter? _lines;
    private int _jobs;

    public BatchPipeline(IndicatorSystem system, BatchOptions options, BatchLineWriter? lines)
    {
        _system = system;
        _options = options;
        _lines = lines;
    }

    /// <summary>Jobs made so far: never more than the window (the bound on the batch's buffering).</summary>
    public int JobsCreated => _jobs;

    /// <summary>
    /// The finished jobs in input order. A job handed out is the caller's until it asks for the next one; it is then
    /// reused for a later record.
    /// </summary>
    public async IAsyncEnumerable<BatchJob> RunAsync(BatchSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var reader = source.Open(_system, _options, token);
        await using var _ = reader.ConfigureAwait(false);
        var free = Channel.CreateUnbounded<BatchJob>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var ordered = Channel.CreateUnbounded<BatchJob>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var work = Channel.CreateUnbounded<BatchJob>(new UnboundedChannelOptions { SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(reader, free.Reader, ordered.Writer, work.Writer, token), token);
        var workers = new Task[_options.MaxParallelism];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(work.Reader, token), token);
        }

        try
        {
            while (await ordered.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (ordered.Reader.TryRead(out var job))
                {
                    // A job already done is not waited for, so the wait alone would not see a cancellation: without
                    // this check every job finished by then was still handed out, and a batch whose workers had
                    // finished them all completed as if never cancelled.
                    token.ThrowIfCancellationRequested();
                    await job.Done.WaitAsync(token).ConfigureAwait(false);
                    yield return job;
                    free.Writer.TryWrite(job);
                }
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll([producer, .. workers]).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Stopped because the caller stopped, cancelled, or a failure that is already on its way to the caller.
            }
        }
    }

    private async Task ProduceAsync(RecordReader reader, ChannelReader<BatchJob> free, ChannelWriter<BatchJob> ordered, ChannelWriter<BatchJob> work, CancellationToken token)
    {
        try
        {
            while (true)
            {
                if (!free.TryRead(out var job))
                {
                    if (_jobs < _options.Window)
                    {
                        job = new BatchJob();
                        _jobs++;
                    }
                    else
                    {
                        job = await free.ReadAsync(token).ConfigureAwait(false);
                    }
                }

                job.Reset();
                if (!await reader.ReadAsync(job, token).ConfigureAwait(false))
                {
                    break;
                }

                ordered.TryWrite(job);
                work.TryWrite(job);
            }

            ordered.TryComplete();
            work.TryComplete();
        }
        catch (Exception e)
        {
            ordered.TryComplete(e);
            work.TryComplete(e);
        }
    }

    private async Task WorkAsync(ChannelReader<BatchJob> work, CancellationToken token)
    {
        while (await work.WaitToReadAsync(token).ConfigureAwait(false))
        {
            while (work.TryRead(out var job))
            {
                try
                {
                    Process(job);
                    job.Complete();
                }
                catch (Exception e)
                {
                    job.Fail(e);
                }
            }
        }
    }

    private void Process(BatchJob job)
    {
        var source = job.Source!;
        source.Prepare(job);
        if (job.Failure is { } failure)
        {
            job.Errors = [failure];
        }
        else
        {
            var record = _system.ReadEvidenceAt(job.Evidence, source.Name, job.Relocate);
            job.SubjectId = record.Id.Length == 0 ? null : record.Id;
            if (!record.CanScore)
            {
                job.Errors = record.Diagnostics;
            }
            else
            {
                try
                {
                    job.Card = _system.Score(record, _options.ProfileId);
                    job.IdKey = _options.CheckDuplicateIds ? DuplicateIds.Key(record.Id) : default;
                }
                catch (ScoringException e)
                {
                    job.Errors = [job.Relocate(e.Diagnostic), .. record.Diagnostics];
                }
            }
        }

        if (_lines is not null)
        {
            WriteLine(job);
        }
    }

    /// <summary>Writes the job's line: its result, or its error record.</summary>
    public void WriteLine(BatchJob job)
    {
        job.Output.ResetWrittenCount();
        job.Json.Reset(job.Output);
        if (job.Card is { } card)
        {
            _lines!.Write(job.Json, job.Record, card);
        }
        else
        {
            BatchLineWriter.WriteError(job.Json, job.Record, job.SubjectId, job.Errors!);
        }

        job.Json.Flush();
    }
}
