using System.Diagnostics;
using System.Runtime.InteropServices;
using Jint;

namespace IndicatorEngine.Scripting;

/// <summary>Which limit of the sandbox a formula reached.</summary>
internal enum SandboxLimit
{
    /// <summary>Statements, with the work of built-in calls counted in (see <see cref="SandboxBudget"/>).</summary>
    Statements,

    /// <summary>The safety net: CPU time of the evaluating thread (see <see cref="SandboxCpuTime"/>).</summary>
    Time,
}

/// <summary>
/// Thrown when a formula reaches a limit the sandbox counts itself. Not a JavaScript error: a formula's
/// <c>try</c>/<c>catch</c> cannot catch it, so reaching a limit always ends the evaluation.
/// </summary>
internal sealed class SandboxLimitException(SandboxLimit limit, string message) : Exception(message)
{
    public SandboxLimit Limit => limit;
}

/// <summary>
/// The statement budget of one evaluation, in place of Jint's own statement limit: every statement counts one,
/// and a built-in call counts one more for every <see cref="WorkPerStatement"/> elements or characters it goes
/// through (charged by <see cref="SandboxGuards"/> before the call does the work), so that a loop over a costly
/// built-in reaches the limit as surely as a loop of many statements. Deterministic: the same formula on the
/// same inputs always uses the same budget. Checked before every statement; reset per evaluation.
/// </summary>
internal sealed class SandboxBudget(int maxStatements) : Constraint
{
    /// <summary>Elements or characters a built-in call may go through for the cost of one statement.</summary>
    public const int WorkPerStatement = 1_000;

    private long _used;

    /// <summary>Whether the budget is being counted (not while the engine sets itself up).</summary>
    public bool Enabled { get; set; }

    public int MaxStatements => maxStatements;

    public override bool IsAmortizable => false;

    public override void Check()
    {
        if (Enabled && ++_used > maxStatements)
        {
            Throw();
        }
    }

    public override void Reset() => _used = 0;

    /// <summary>Counts the work of a built-in call about to go through <paramref name="elements"/> elements or characters.</summary>
    public void Charge(double elements)
    {
        if (!Enabled || elements < WorkPerStatement)
        {
            return;
        }

        // Saturating: an absurd length (a sparse array of 2^32 − 1) is simply over any budget.
        var statements = elements / WorkPerStatement;
        if (statements > maxStatements - _used)
        {
            _used = maxStatements + 1L;
            Throw();
        }

        _used += (long)statements;
    }

    private void Throw() => throw new SandboxLimitException(SandboxLimit.Statements,
        $"the formula ran more than {maxStatements:N0} statements (a built-in call counts one more for every {WorkPerStatement:N0} elements or characters it goes through)");
}

/// <summary>
/// The safety net under the deterministic limits: CPU time of the evaluating thread (wall-clock time where the
/// platform cannot tell a thread's CPU time), so a loaded machine, with more threads than cores, does not make
/// formulas fail. A formula within the statement, memory and recursion limits stays far below the default
/// (10 seconds); the net catches work those limits cannot see, such as comparing or converting very long
/// strings in a long loop. Checked every few hundred statements, from the first check on.
/// </summary>
internal sealed class SandboxCpuTime(TimeSpan limit) : Constraint
{
    private long _start = -1;

    public override bool IsAmortizable => true;

    public override void Check()
    {
        var now = ThreadCpuTime.Now();
        if (_start < 0)
        {
            // Reading the clock costs a system call: start at the first amortized check, not at every evaluation.
            _start = now;
            return;
        }

        if (now - _start > limit.Ticks)
        {
            throw new SandboxLimitException(SandboxLimit.Time,
                $"the formula ran past the time limit of {limit.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} ms of CPU time");
        }
    }

    public override void Reset() => _start = -1;
}

/// <summary>The CPU time the current thread has used, in ticks of 100 ns; wall-clock ticks where unknown.</summary>
internal static class ThreadCpuTime
{
    private static readonly bool Clock = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    // CLOCK_THREAD_CPUTIME_ID: 3 on Linux, 14 on FreeBSD, 16 on macOS (64-bit platforms: a timespec is two longs).
    private static readonly int ClockId = OperatingSystem.IsMacOS() ? 16 : OperatingSystem.IsFreeBSD() ? 14 : 3;

    private static bool _unavailable;

    /// <summary>True when <see cref="Now"/> measures CPU time (false: wall-clock time).</summary>
    public static bool IsCpuTime => !_unavailable && (Clock || OperatingSystem.IsWindows()) && Probe();

    public static long Now()
    {
        if (!_unavailable)
        {
            try
            {
                if (Clock && clock_gettime(ClockId, out var spec) == 0)
                {
                    return spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100;
                }

                if (OperatingSystem.IsWindows() && GetThreadTimes(GetCurrentThread(), out _, out _, out var kernel, out var user))
                {
                    return kernel + user;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
            }
        }

        return Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / Stopwatch.Frequency;
    }

    private static bool Probe()
    {
        Now();
        return !_unavailable;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled; these signatures marshal trivially.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out TimeSpec spec);

    [DllImport("kernel32.dll")]
    private static extern IntPtr GetCurrentThread();

    [DllImport("kernel32.dll")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool GetThreadTimes(IntPtr thread, out long creation, out long exit, out long kernel, out long user);
#pragma warning restore SYSLIB1054
}
