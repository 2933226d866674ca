using System.Collections.Concurrent;

namespace IndicatorEngine.Scripting;

/// <summary>
/// One thread of the process that runs canonical evaluations (see <see cref="JintFormula"/>): a formula near
/// its memory limit is evaluated again here, on a new engine, so that what it allocates does not depend on
/// which thread scored it or what ran there before (thread-static caches and pools of the runtime and of Jint
/// differ between threads). Callers wait for the result; canonical evaluations are rare, so one thread serves all.
/// </summary>
internal static class CanonicalThread
{
    private static readonly BlockingCollection<(Func<FormulaResult> Work, TaskCompletionSource<FormulaResult> Done)> Queue = new();
    private static readonly Lazy<Thread> Worker = new(() =>
    {
        // The stack of a scoring thread: Jint probes it, so deep recursion fails the formula rather than the process.
        var thread = new Thread(Loop, 16 * 1024 * 1024) { IsBackground = true, Name = "IndicatorEngine canonical formulas" };
        thread.Start();
        return thread;
    });

    public static FormulaResult Run(Func<FormulaResult> work)
    {
        _ = Worker.Value;
        var done = new TaskCompletionSource<FormulaResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((work, done));
        return done.Task.GetAwaiter().GetResult();
    }

    private static void Loop()
    {
        foreach (var (work, done) in Queue.GetConsumingEnumerable())
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }
}
