namespace IndicatorEngine;

/// <summary>
/// Limits of the sandbox that runs formulas (JavaScript run by Jint), per evaluation of one formula for one
/// subject. A plain options object, reachable as <see cref="LoadOptions.Formulas"/>: set what you
/// need before loading; the values are checked (and copied) when a definition is compiled, so changing them
/// afterwards does not affect a loaded system. Not thread-safe while being changed.
/// </summary>
/// <remarks>
/// A formula that goes past any limit fails its own observation point (status error, with the reason); every
/// other observation point and subject is still scored. The limits that decide are deterministic — statements
/// (with the work of built-in calls counted in), memory, recursion, and the longest string and array a formula
/// may build — so the same evidence always gives the same score, on any machine and under any load; the time
/// limit is only a safety net far above what a formula within them needs. Formulas in the pure-expression
/// subset are compiled to .NET delegates and cannot loop, recurse or allocate, so the limits matter only for the rest.
/// </remarks>
public sealed class FormulaOptions
{
    /// <summary>Default <see cref="TimeLimit"/>: 10 seconds of CPU time.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>Default <see cref="MaxStatements"/>: 100,000.</summary>
    public const int DefaultMaxStatements = 100_000;

    /// <summary>Default <see cref="MemoryLimitBytes"/>: 4 MiB.</summary>
    public const long DefaultMemoryLimitBytes = 4L * 1024 * 1024;

    /// <summary>Default <see cref="MaxRecursionDepth"/>: 64 nested calls.</summary>
    public const int DefaultMaxRecursionDepth = 64;

    /// <summary>The largest <see cref="MaxRecursionDepth"/> accepted: 1,000.</summary>
    public const int MaxRecursionDepthLimit = 1_000;

    /// <summary>Default <see cref="RegexTimeout"/>: 20 ms.</summary>
    public static readonly TimeSpan DefaultRegexTimeout = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The safety net: CPU time of the evaluating thread one evaluation may take (wall-clock time on a platform
    /// that cannot tell a thread's CPU time), checked every few hundred statements. Default 10 seconds; between
    /// 1 ms and 1 minute. Machine load does not count against it; a formula within the other limits, which are
    /// the ones that decide, stays far below the default.
    /// </summary>
    public TimeSpan TimeLimit { get; set; } = DefaultTimeLimit;

    /// <summary>
    /// Statements one evaluation may execute; a built-in call counts one more for every 1,000 elements or
    /// characters it goes through. Default 100,000; at least 1.
    /// </summary>
    public int MaxStatements { get; set; } = DefaultMaxStatements;

    /// <summary>
    /// Bytes one evaluation may allocate (garbage included), checked between statements. Default 4 MiB; between
    /// 1 MiB and 1 GiB. It also sets the longest string a formula may build (a quarter of it, in characters:
    /// 1,048,576 by default) and the longest array (1/32 of it, in items: 131,072 by default); a built-in call
    /// that would build a longer one is refused with a RangeError before it allocates.
    /// </summary>
    public long MemoryLimitBytes { get; set; } = DefaultMemoryLimitBytes;

    /// <summary>
    /// How deeply calls may nest (helpers count as one level). Default 64; between 1 and 1,000. The native stack
    /// is also probed on every call, so unbounded recursion fails the formula instead of ending the process.
    /// </summary>
    public int MaxRecursionDepth { get; set; } = DefaultMaxRecursionDepth;

    /// <summary>
    /// Time one regular-expression match may take. Default 20 ms; between 1 ms and <see cref="TimeLimit"/>.
    /// Formulas cannot use regular expressions (they are refused when the definition loads), so this is only a
    /// safety net inside the engine.
    /// </summary>
    public TimeSpan RegexTimeout { get; set; } = DefaultRegexTimeout;

    /// <summary>
    /// Whether formulas written in the pure-expression subset run as compiled .NET delegates (about 100 times
    /// faster, same results). Default true; false runs every formula through Jint, e.g. to compare the two.
    /// </summary>
    public bool CompileExpressions { get; set; } = true;

    /// <summary>Checks the values and copies them into the immutable limits a compiled plan keeps.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its documented range.</exception>
    internal SandboxLimits Freeze()
    {
        Require(TimeLimit >= TimeSpan.FromMilliseconds(1) && TimeLimit <= TimeSpan.FromMinutes(1), TimeLimit, nameof(TimeLimit), "between 1 ms and 1 minute");
        Require(MaxStatements >= 1, MaxStatements, nameof(MaxStatements), "at least 1");
        Require(MemoryLimitBytes >= 1024 * 1024 && MemoryLimitBytes <= 1L << 30, MemoryLimitBytes, nameof(MemoryLimitBytes), "between 1 MiB and 1 GiB");
        Require(MaxRecursionDepth is >= 1 and <= MaxRecursionDepthLimit, MaxRecursionDepth, nameof(MaxRecursionDepth), $"between 1 and {MaxRecursionDepthLimit}");
        Require(RegexTimeout >= TimeSpan.FromMilliseconds(1) && RegexTimeout <= TimeLimit, RegexTimeout, nameof(RegexTimeout), "between 1 ms and the time limit");
        return new SandboxLimits(TimeLimit, MaxStatements, MemoryLimitBytes, MaxRecursionDepth, RegexTimeout);
    }

    private static void Require(bool ok, object value, string name, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException($"Formulas.{name}", value, $"LoadOptions.Formulas.{name} is {value}; it must be {range}.");
        }
    }
}
