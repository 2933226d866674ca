namespace IndicatorEngine;

/// <summary>
/// A plugin scorer threw: while compiling a rule (the definition then fails to load) or while scoring a
/// subject (that observation point then fails, the others are scored). Passed to
/// <see cref="ScorerRegistry.OnFailure"/> so that a host can log the exception with its stack trace. Immutable.
/// </summary>
/// <param name="ScorerName">The scorer's name.</param>
/// <param name="IndicatorId">The observation point whose rule it was compiling or scoring.</param>
/// <param name="WhileCompiling">True when it threw from <see cref="IScorer.Compile"/>, false from <see cref="IScorer.Score"/>.</param>
/// <param name="Exception">What it threw.</param>
public sealed record ScorerFailure(string ScorerName, string IndicatorId, bool WhileCompiling, Exception Exception);
