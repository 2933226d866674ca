namespace IndicatorEngine.Scripting;

/// <summary>The checked, immutable copy of <see cref="FormulaOptions"/> an engine pool is built for (and keyed by).</summary>
internal sealed record SandboxLimits(TimeSpan TimeLimit, int MaxStatements, long MemoryLimitBytes, int MaxRecursionDepth, TimeSpan RegexTimeout)
{
    /// <summary>Longest string a formula may build: half the memory budget, in UTF-16 characters (1,048,576 for 4 MiB).</summary>
    public long MaxChars => MemoryLimitBytes / 4;

    /// <summary>Longest array a formula may build: the memory budget ÷ 32 (131,072 items for 4 MiB, 32,768 for the least, 1 MiB).</summary>
    public long MaxArrayLength => MemoryLimitBytes / 32;
}
