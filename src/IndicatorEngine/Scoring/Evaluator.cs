using IndicatorEngine.Evidence;
using IndicatorEngine.Scoring.Rules;
using IndicatorEngine.Scripting;

namespace IndicatorEngine.Scoring;

/// <summary>
/// Evaluates a compiled plan for one subject: every leaf through its scorer (a failing leaf never stops the
/// others), then every group from its children. Reads only arrays.
/// </summary>
internal static class Evaluator
{
    public static NodeOutcome[] Evaluate(EvaluationPlan plan, ReadOnlySpan<EvidenceValue> slots, bool[]? notApplicable)
    {
        var outcomes = new NodeOutcome[plan.Nodes.Length];
        foreach (var node in plan.Nodes)
        {
            var indicator = node.Indicator;
            ref var outcome = ref outcomes[node.Index];
            if (notApplicable is not null && notApplicable[node.Index])
            {
                outcome.Max = indicator.Points;
                outcome.Status = ScoreStatus.NotApplicable;
                outcome.Explanation = "not applicable to this profile → 0";
                continue;
            }

            if (node.Scorer is { } scorer)
            {
                outcome = ScoreLeaf(scorer, slots, indicator.Points, plan.Precision);
                continue;
            }

            // Plan nodes are ordered children first, so every child outcome is ready.
            outcome = Combine(plan, node.Children, node.WeightedMean, node.Formula, indicator.Points, indicator.BonusPoints, outcomes);
            var statuses = node.Children.Select(c => outcomes[c].Status).ToArray();
            outcome.Status = statuses.All(s => s == ScoreStatus.NotApplicable) ? ScoreStatus.NotApplicable
                : outcome.Status == ScoreStatus.Error || statuses.Contains(ScoreStatus.Error) ? ScoreStatus.Error
                : statuses.Contains(ScoreStatus.MissingEvidence) ? ScoreStatus.MissingEvidence
                : outcome.Score > 0 && outcome.Score < outcome.Max ? ScoreStatus.Partial
                : ScoreStatus.Scored;
        }

        return outcomes;
    }

    /// <summary>The subject's total: the first-level indicators aggregated as the system says.</summary>
    public static decimal Total(EvaluationPlan plan, NodeOutcome[] outcomes) =>
        Combine(plan, plan.Roots, plan.RootWeightedMean, plan.RootFormula, plan.Points, 0m, outcomes).Score;

    private static NodeOutcome ScoreLeaf(LeafScorer scorer, ReadOnlySpan<EvidenceValue> slots, decimal max, int precision)
    {
        ScoreOutcome raw;
        try
        {
            raw = scorer.Score(slots, max);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // A failing rule (a plugin that throws, arithmetic overflow) fails its own leaf only.
            raw = ScoreOutcome.Failed($"the rule failed: {e.GetType().Name}: {e.Message}");
        }

        var clamped = raw.Score < 0m || raw.Score > max ? raw.Score : (decimal?)null;
        var score = Math.Round(Math.Clamp(raw.Score, 0m, max), precision, MidpointRounding.AwayFromZero);
        // Scorers (and plugins) say only whether the evidence was complete; partial or full follows the rounded score.
        var status = raw.Status;
        if (status is ScoreStatus.Scored or ScoreStatus.Partial)
        {
            status = score > 0 && score < max ? ScoreStatus.Partial : ScoreStatus.Scored;
        }

        return new NodeOutcome { Score = score, Max = max, Status = status, Explanation = raw.Explanation, Clamped = clamped };
    }

    private static NodeOutcome Combine(EvaluationPlan plan, int[] children, bool weightedMean, FormulaAggregation? formula, decimal points, decimal bonusPoints, NodeOutcome[] outcomes)
    {
        var baseScore = 0m;
        var bonus = 0m;
        var weightSum = 0m;
        var weighted = 0m;
        foreach (var index in children)
        {
            var child = outcomes[index];
            var indicator = plan.Nodes[index].Indicator;
            if (indicator.IsBonus)
            {
                bonus += child.Score;
            }
            else if (weightedMean)
            {
                // A part that does not apply leaves the mean; one with missing evidence counts as 0.
                if (child.Max > 0 && child.Status != ScoreStatus.NotApplicable)
                {
                    weightSum += indicator.Weight;
                    weighted += indicator.Weight * child.Score / child.Max;
                }
            }
            else
            {
                baseScore += child.Score;
            }
        }

        string how;
        decimal? clamped = null;
        var failed = false;
        if (formula is not null)
        {
            var (raw, failure, inputs) = formula.Aggregate(i => outcomes[i].Score, points, baseScore);
            failed = failure is not null;
            clamped = raw < 0m || raw > points ? raw : null;
            baseScore = Math.Round(Math.Clamp(raw, 0m, points), plan.Precision, MidpointRounding.AwayFromZero);
            how = failed ? $"{inputs}: {failure}" : inputs;
        }
        else if (weightedMean)
        {
            baseScore = weightSum == 0 ? 0m : Math.Round(points * weighted / weightSum, plan.Precision, MidpointRounding.AwayFromZero);
            how = "weighted mean of its parts";
        }
        else
        {
            how = baseScore > points ? $"parts add up to {Text.Short(baseScore)}, capped" : "sum of its parts";
        }

        baseScore = Math.Min(baseScore, points);
        bonus = Math.Min(bonus, bonusPoints);
        var explanation = bonusPoints > 0
            ? $"{how}: {Text.Of(baseScore, points)} + extension {Text.Of(bonus, bonusPoints)}"
            : $"{how} → {Text.Of(baseScore, points)}";
        return new NodeOutcome
        {
            Score = baseScore + bonus,
            Max = points,
            Explanation = explanation,
            Clamped = clamped,
            Status = failed ? ScoreStatus.Error : ScoreStatus.Scored,
        };
    }
}
