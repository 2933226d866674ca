using System.Text;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Tests.Batch;

/// <summary>Cancellation, progress and the bound on what a batch holds: checked by counting, never by the clock.</summary>
public class BatchFlowTests
{
    [Fact]
    public async Task Cancelling_StopsTheBatch_LeavingOnlyWholeLines_ThatAreThePrefixOfAFullRun()
    {
        var subjects = BatchRun.Subjects(1500);
        var (full, _) = BatchRun.Ndjson(subjects, new BatchOptions { MaxParallelism = 2 });
        using var stop = new CancellationTokenSource();
        var output = new MemoryStream();
        var runner = new BatchRunner(BatchRun.Henan, new BatchOptions
        {
            MaxParallelism = 4,
            Window = 32,
            ProgressInterval = 100,
            Progress = new Synchronous(p =>
            {
                if (p.Done >= 300)
                {
                    stop.Cancel();
                }
            }),
        });
        var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", subjects)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(BatchSource.Ndjson(input), output, stop.Token));

        // Cancelled from the report after record 300: the batch stops before the next record, whichever of the
        // later records its workers had already finished.
        var written = BatchRun.SplitLines(output.ToArray());
        Assert.Equal(300, written.Length);
        Assert.Equal(full.Take(300), written);
    }

    [Fact]
    public void Progress_CountsRecordsAndErrors_AndEndsWithTheWholeBatch()
    {
        var reports = new List<BatchProgress>();
        var subjects = BatchRun.Subjects(250).ToList();
        subjects[7] = "{";
        BatchRun.Ndjson(subjects, new BatchOptions { ProgressInterval = 100, Progress = new Synchronous(reports.Add) });

        Assert.Equal([100L, 200L, 250L], reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(1, r.Errors));
    }

    [Fact]
    public async Task ABatch_NeverMakesMoreJobsThanItsWindow_WhateverTheCount()
    {
        var runner = new BatchRunner(BatchRun.Henan, new BatchOptions { MaxParallelism = 8, Window = 24 });
        var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", BatchRun.Subjects(3000))));
        await runner.RunAsync(BatchSource.Ndjson(input), Stream.Null);

        Assert.InRange(runner.LastJobsCreated, 8, 24);
    }

    [Fact]
    public async Task TheReader_StaysAtMostAWindowAheadOfTheConsumer()
    {
        const int window = 10;
        var subjects = BatchRun.Subjects(200);
        long pulled = 0;
        long consumed = 0;
        long mostAhead = 0;

        async IAsyncEnumerable<ReadOnlyMemory<byte>> Source()
        {
            foreach (var subject in subjects)
            {
                await Task.Yield();
                var ahead = Interlocked.Increment(ref pulled) - Interlocked.Read(ref consumed);
                InterlockedMax(ref mostAhead, ahead);
                yield return Encoding.UTF8.GetBytes(subject);
            }
        }

        var runner = new BatchRunner(BatchRun.Henan, new BatchOptions { MaxParallelism = 4, Window = window });
        var count = 0;
        await foreach (var result in runner.ScoreAsync(BatchSource.Payloads(Source())))
        {
            count++;
            if (count == 1)
            {
                // Hold the first record until the reader has filled the window (or a minute has gone by on a very slow machine).
                for (var i = 0; i < 6000 && Interlocked.Read(ref pulled) < window; i++)
                {
                    await Task.Delay(10);
                }
            }

            Interlocked.Increment(ref consumed);
        }

        Assert.Equal(200, count);
        Assert.InRange(Interlocked.Read(ref mostAhead), 1, window + 1);
    }

    [Fact]
    public void Options_OutOfRange_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchRunner(BatchRun.Henan, new BatchOptions { MaxParallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchRunner(BatchRun.Henan, new BatchOptions { MaxParallelism = 4, Window = 2 }));
        Assert.Throws<ArgumentException>(() => new BatchRunner(BatchRun.Henan, new BatchOptions { ProfileId = "nursery" }));
    }

    [Fact]
    public void ASource_IsReadOnce()
    {
        var source = BatchSource.Ndjson(new MemoryStream(Encoding.UTF8.GetBytes(BatchRun.SampleLine())));
        BatchRun.Run(source);
        Assert.Throws<InvalidOperationException>(() => BatchRun.Run(source));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>Reports on the reporting thread (Progress&lt;T&gt; posts to the thread pool, too late to stop at a count).</summary>
    private sealed class Synchronous(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
