namespace IndicatorEngine;

/// <summary>
/// What scoring one observation point produced: its points, how they came about, and the parts of a one-line
/// explanation with the numbers used (put together only when somebody reads it). An immutable value; the
/// default is a zero score with status <see cref="ScoreStatus.Scored"/> and no explanation.
/// </summary>
/// <param name="Score">Points earned, between 0 and the observation point's maximum.</param>
/// <param name="Status">How the score came about.</param>
/// <param name="Explanation">One line a school can act on, e.g. "exit bandwidth 12 Gbps for 21,000 people = 0.57 Mbps/head, target 0.7 → 2.45 of 3": a format and its values, or a plain string.</param>
public readonly record struct ScoreOutcome(decimal Score, ScoreStatus Status, Explanation Explanation)
{
    /// <summary>An outcome of 0 points with status <see cref="ScoreStatus.Error"/>.</summary>
    /// <param name="explanation">What went wrong, in one line.</param>
    /// <returns>The failed outcome.</returns>
    public static ScoreOutcome Failed(Explanation explanation) => new(0m, ScoreStatus.Error, explanation);

    /// <summary>An outcome of 0 points with status <see cref="ScoreStatus.MissingEvidence"/>.</summary>
    /// <param name="explanation">Which evidence is missing.</param>
    /// <returns>The outcome.</returns>
    public static ScoreOutcome Missing(Explanation explanation) => new(0m, ScoreStatus.MissingEvidence, explanation);
}
