
namespace IndicatorEngine;

/// <summary>The score of one indicator in a <see cref="Scorecard"/>, with its children. Immutable.</summary>
/// <param name="Id">The indicator's id.</param>
/// <param name="Title">The indicator's title.</param>
/// <param name="Score">Points earned (bonus included for a node with extension items).</param>
/// <param name="Max">Design points.</param>
/// <param name="Status">How the score came about.</param>
/// <param name="Explanation">One line with the numbers used.</param>
/// <param name="Children">Scores of the nodes below; empty for an observation point.</param>
public sealed record IndicatorScore(
    string Id,
    LocalizedText Title,
    decimal Score,
    decimal Max,
    ScoreStatus Status,
    string Explanation,
    IReadOnlyList<IndicatorScore> Children)
{
    /// <summary>
    /// Where the indicator comes from (the definition's <see cref="Indicator.Provenance"/>): reports mark the points
    /// whose rule or whole point is the definition authors' own. <see cref="IndicatorEngine.Provenance.Published"/>
    /// when the definition does not say.
    /// </summary>
    public Provenance Provenance { get; init; }

    /// <summary>The document and clause the indicator comes from (the definition's <see cref="Indicator.Source"/>); null when not stated.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The school's own score for this observation point (自评分, the evidence's <c>selfScores</c>), beside
    /// <see cref="Score"/>, the score the evidence supports; null when it gave none (always null for a group).
    /// </summary>
    public decimal? SelfScore { get; init; }

    /// <summary>This score and every score below it, parents first.</summary>
    /// <returns>The scores in depth-first pre-order.</returns>
    public IEnumerable<IndicatorScore> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var score in child.DescendantsAndSelf())
            {
                yield return score;
            }
        }
    }
}
