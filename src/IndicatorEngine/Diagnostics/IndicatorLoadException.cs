namespace IndicatorEngine;

/// <summary>Thrown by <see cref="LoadResult{T}.GetValueOrThrow"/> when a definition or evidence has errors.</summary>
public sealed class IndicatorLoadException : Exception
{
    /// <summary>Creates the exception from the diagnostics of a failed load.</summary>
    /// <param name="diagnostics">All diagnostics of the load; the message lists the errors.</param>
    public IndicatorLoadException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics.Where(d => d.IsError)))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic of the failed load.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
