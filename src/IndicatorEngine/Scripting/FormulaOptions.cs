namespace IndicatorEngine;

/// <summary>
/// Limits of the sandbox that runs formulas (JavaScript run by Jint), per evaluation of one formula for one
/// subject. A plain options object, reachable as <see cref="LoadOptions.Formulas"/>: set what you
/// need before loading; the values are checked (and copied) when a definition is compiled, so changing them
/// afterwards does not affect a loaded system. Not thread-safe while being changed.
/// </summary>
/// <remarks>
/// A formula that goes past any limit fails its own observation point (status error, with the reason); every
/// other observation point and subject is still scored. Formulas in the pure-expression subset are compiled to
/// .NET delegates and cannot loop, recurse or allocate, so the limits matter only for the rest.
/// </remarks>
public sealed class FormulaOptions
{
    /// <summary>Default <see cref="TimeLimit"/>: 50 ms.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMilliseconds(50);

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

    /// <summary>Wall-clock time one evaluation may take, checked between statements. Default 50 ms; between 1 ms and 1 minute.</summary>
    public TimeSpan TimeLimit { get; set; } = DefaultTimeLimit;

    /// <summary>Statements one evaluation may execute. Default 100,000; at least 1.</summary>
    public int MaxStatements { get; set; } = DefaultMaxStatements;

    /// <summary>
    /// Bytes one evaluation may allocate (garbage included), checked between statements. Default 4 MiB; between
    /// 1 MiB and 1 GiB. Strings built by <c>repeat</c>, <c>padStart</c>, <c>padEnd</c> and <c>join</c> are refused
    /// up front when they would exceed half of it in characters.
    /// </summary>
    public long MemoryLimitBytes { get; set; } = DefaultMemoryLimitBytes;

    /// <summary>
    /// How deeply calls may nest (helpers count as one level). Default 64; between 1 and 1,000. The native stack
    /// is also probed on every call, so unbounded recursion fails the formula instead of ending the process.
    /// </summary>
    public int MaxRecursionDepth { get; set; } = DefaultMaxRecursionDepth;

    /// <summary>
    /// Time one regular-expression match may take. Default 20 ms; between 1 ms and <see cref="TimeLimit"/>. A
    /// match runs inside one statement, so <see cref="TimeLimit"/> alone does not stop a catastrophic pattern.
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
