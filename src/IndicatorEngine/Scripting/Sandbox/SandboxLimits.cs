namespace IndicatorEngine.Scripting;

/// <summary>The checked, immutable copy of <see cref="FormulaOptions"/> an engine pool is built for (and keyed by).</summary>
internal sealed record SandboxLimits(TimeSpan TimeLimit, int MaxStatements, long MemoryLimitBytes, int MaxRecursionDepth, TimeSpan RegexTimeout)
{
    /// <summary>Longest string the guarded builtins may build: half the memory budget, in UTF-16 characters.</summary>
    public long MaxChars => MemoryLimitBytes / 4;
}
