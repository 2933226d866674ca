using IndicatorEngine.Evidence;

namespace IndicatorEngine.Scoring.Rules;

/// <summary>
/// A compiled scoring rule of one observation point: evidence already resolved to slot indexes, options
/// already checked. Stateless after construction, so one instance serves every thread.
/// </summary>
internal abstract class LeafScorer
{
    /// <summary>The slots this rule reads; a missing one is listed in the scorecard's missing evidence.</summary>
    public abstract IReadOnlyList<int> Reads { get; }

    /// <summary>Scores the leaf. May return a score outside [0, max]; the evaluator clamps and rounds it.</summary>
    public abstract ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max);

    /// <summary>"full", "partial" or "none" status for a score on complete evidence.</summary>
    protected static ScoreStatus StatusOf(decimal score, decimal max) =>
        score > 0 && score < max ? ScoreStatus.Partial : ScoreStatus.Scored;
}
