using System.Globalization;
using IndicatorEngine.Batch;
using Spectre.Console;

namespace IndicatorEngine.Cli.Rendering;

/// <summary>
/// How a batch shows its progress on standard error: on a terminal a Spectre.Console progress bar with the count,
/// the rate and the time left (when the count of records is known); redirected, a plain line without escape codes
/// at most every <c>every</c> (and one at the end); with <c>--quiet</c>, nothing. Reports come from the batch's
/// reader-side loop, one at a time.
/// </summary>
internal sealed class BatchProgressDisplay : IProgress<BatchProgress>
{
    private readonly TextWriter _stderr;
    private readonly ConsoleTarget? _terminal;
    private readonly bool _quiet;
    private readonly long? _total;
    private readonly TimeSpan _every;
    private TimeSpan _lastPrinted;
    private BatchProgress _last;
    private ProgressTask? _task;

    private BatchProgressDisplay(TextWriter stderr, ConsoleTarget? terminal, bool quiet, long? total, TimeSpan every)
    {
        _stderr = stderr;
        _terminal = terminal;
        _quiet = quiet;
        _total = total;
        _every = every;
    }

    /// <summary>
    /// A display for standard error as the target describes it; the total is the number of records when known (a
    /// bar needs it), else null; redirected, a line at most every <c>every</c>.
    /// </summary>
    public static BatchProgressDisplay For(TextWriter stderr, ConsoleTarget target, bool quiet, long? total, TimeSpan every) =>
        new(stderr, target.Ansi ? target : null, quiet, total, every);

    /// <summary>Runs <paramref name="work"/> with the display live around it.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        if (_quiet || _terminal is null)
        {
            var result = await work().ConfigureAwait(false);
            PrintPlain(force: true);
            return result;
        }

        // _terminal is set only for a target with ANSI (see For).
        var console = _terminal.CreateConsole(_stderr, interactive: true);
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                _task = context.AddTask(Describe(default), maxValue: Math.Max(1, _total ?? 1));
                _task.IsIndeterminate = _total is null;
                var result = await work().ConfigureAwait(false);
                _task.Value = _task.MaxValue;
                _task.StopTask();
                return result;
            }).ConfigureAwait(false);
    }

    public void Report(BatchProgress value)
    {
        _last = value;
        if (_task is { } task)
        {
            task.MaxValue = Math.Max(task.MaxValue, value.Done);
            task.Value = value.Done;
            task.Description = Describe(value);
        }
        else
        {
            PrintPlain(force: false);
        }
    }

    private void PrintPlain(bool force)
    {
        if (_quiet || _terminal is not null || (!force && _last.Elapsed - _lastPrinted < _every) || (force && _last.Done == 0))
        {
            return;
        }

        _lastPrinted = _last.Elapsed;
        _stderr.WriteLine($"indicator batch: {Describe(_last)}, {_last.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    private string Describe(BatchProgress value)
    {
        var seconds = value.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? value.Done / seconds : 0;
        var of = _total is { } total ? $" of {total.ToString("N0", CultureInfo.InvariantCulture)}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{value.Done:N0}{of} records, {value.Errors:N0} errors, {rate:N0}/s");
    }
}
