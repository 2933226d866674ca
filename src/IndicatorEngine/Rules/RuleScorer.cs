namespace IndicatorEngine.Rules;

/// <summary>
/// A compiled scoring rule of one observation point: evidence already resolved to slot indexes, options
/// already checked. Stateless after construction, so one instance serves every thread.
/// </summary>
internal abstract class RuleScorer
{
    /// <summary>The slots this rule reads; a missing one is listed in the scorecard's missing evidence.</summary>
    public abstract int[] Reads { get; }

    /// <summary>
    /// Scores the leaf. May return a score outside [0, max]; the evaluator clamps and rounds it. A score on
    /// complete evidence is returned as <see cref="ScoreStatus.Scored"/>: the evaluator tells partial from full
    /// on the rounded score, so a scorer need not (and could not: 3.999 of 4 is full once rounded).
    /// </summary>
    /// <param name="slots">The subject's evidence.</param>
    /// <param name="max">The leaf's points.</param>
    /// <param name="language">
    /// Whether to put the explanation together, and in which language. Scoring a batch passes
    /// <see cref="ExplainLanguage.None"/> and pays for no text; reading an explanation scores the leaf again in the
    /// language asked for. Rules are pure, so every language gives the same score.
    /// </param>
    public abstract ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max, ExplainLanguage language);

    /// <summary>
    /// The evidence changes that would earn this point more, worked out from the rule itself (a linear rule's value
    /// for full marks, a threshold's value, the next bands, a boolean to provide, a checklist item to add…), for
    /// gap analysis. Proposals need not be exact: every one is re-scored with the real engine before it is used.
    /// </summary>
    /// <param name="slots">The subject's evidence.</param>
    /// <param name="max">The point's points.</param>
    /// <param name="catalogue">The declarations, for types and ranges.</param>
    public virtual RuleSteps Steps(EvidenceValue[] slots, decimal max, EvidenceCatalogue catalogue) => RuleSteps.Unknown;
}
