namespace IndicatorEngine;

/// <summary>
/// The outcome of loading a definition or evidence: the value when there were no errors, and every
/// diagnostic found. Never a half-built value: <see cref="Value"/> is null whenever an error was found.
/// </summary>
/// <typeparam name="T">What was loaded.</typeparam>
public sealed class LoadResult<T>
    where T : class
{
    internal LoadResult(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
        Value = diagnostics.Any(d => d.IsError) ? null : value;
    }

    /// <summary>The loaded value, or null when any diagnostic is an error.</summary>
    public T? Value { get; }

    /// <summary>Every diagnostic, errors and warnings, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when the value loaded (no error diagnostics).</summary>
    public bool Succeeded => Value is not null;

    /// <summary>Returns the value, or throws <see cref="IndicatorLoadException"/> listing the errors.</summary>
    /// <returns>The loaded value.</returns>
    /// <exception cref="IndicatorLoadException">Loading found errors.</exception>
    public T GetValueOrThrow() => Value ?? throw new IndicatorLoadException(Diagnostics);
}
