
namespace IndicatorEngine;

/// <summary>Thrown when a subject cannot be scored at all, e.g. it names a profile the system does not have.</summary>
public sealed class ScoringException : Exception
{
    /// <summary>Creates the exception from the diagnostic that explains it.</summary>
    /// <param name="diagnostic">What is wrong and how to fix it.</param>
    public ScoringException(Diagnostic diagnostic)
        : base(diagnostic.ToString())
    {
        Diagnostic = diagnostic;
    }

    /// <summary>What is wrong and how to fix it.</summary>
    public Diagnostic Diagnostic { get; }
}
