
namespace IndicatorEngine.Evaluation;

/// <summary>
/// Evaluates a compiled plan for one subject: every leaf through its scorer (a failing leaf never stops the
/// others), then every group from its children, its status worked out while the children are combined.
/// Reads and writes only arrays; puts no text together unless asked to explain one node.
/// </summary>
internal static class Evaluator
{
    /// <summary>Scores every node into <paramref name="scores"/> and <paramref name="statuses"/> (by node index) and returns the total.</summary>
    public static decimal Evaluate(EvaluationPlan plan, ReadOnlySpan<EvidenceValue> slots, bool[] notApplicable, Span<decimal> scores, Span<ScoreStatus> statuses) =>
        Evaluate(plan, slots, notApplicable, scores, statuses, out _);

    /// <summary>
    /// Scores every node into <paramref name="scores"/> and <paramref name="statuses"/> (by node index) and returns the
    /// total; <paramref name="aggregationFailed"/> says whether an aggregation formula failed, a group's or the
    /// system's own (the total is then 0). Gap analysis bounds what one observation point can add by scoring it at
    /// <paramref name="forcedScore"/>: the leaf at index <paramref name="forced"/> is not scored by its rule.
    /// </summary>
    public static decimal Evaluate(EvaluationPlan plan, ReadOnlySpan<EvidenceValue> slots, bool[] notApplicable, Span<decimal> scores, Span<ScoreStatus> statuses, out bool aggregationFailed, int forced = -1, decimal forcedScore = 0m)
    {
        aggregationFailed = false;
        var nodes = plan.Nodes;
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (notApplicable[i])
            {
                scores[i] = 0m;
                statuses[i] = ScoreStatus.NotApplicable;
            }
            else if (i == forced)
            {
                scores[i] = forcedScore;
                statuses[i] = ScoreStatus.Scored;
            }
            else if (node.Scorer is { } scorer)
            {
                var outcome = ScoreLeaf(scorer, slots, node.Indicator.Points, plan.Precision, ExplainLanguage.None, out _);
                scores[i] = outcome.Score;
                statuses[i] = outcome.Status;
            }
            else
            {
                // Plan nodes are ordered children first, so every child is ready.
                scores[i] = Combine(plan, node.Children, node.WeightedMean, node.Formula, node.Indicator.Points, node.Indicator.BonusPoints, scores, statuses, ExplainLanguage.None, out statuses[i], out _, out _, out var failed);
                aggregationFailed |= failed is not null;
            }
        }

        var total = Combine(plan, plan.Roots, plan.RootWeightedMean, plan.RootFormula, plan.Points, 0m, scores, statuses, ExplainLanguage.None, out _, out _, out _, out var failure);
        aggregationFailed |= failure is not null;
        return total;
    }

    /// <summary>
    /// The upper bound of the total: every open observation point (its evidence missing or invalid, or its rule
    /// failed) at its full points, the others as scored, combined again within every cap; a group whose
    /// aggregation formula fails counts its full points. Equals <paramref name="total"/> when no point is open and
    /// no aggregation failed. Allocates nothing for plans up to 256 nodes.
    /// </summary>
    public static decimal UpperBound(EvaluationPlan plan, ReadOnlySpan<EvidenceValue> slots, bool[] notApplicable, ReadOnlySpan<decimal> scores, ReadOnlySpan<ScoreStatus> statuses, decimal total, bool aggregationFailed)
    {
        var nodes = plan.Nodes;
        var open = false;
        for (var i = 0; i < nodes.Length && !open; i++)
        {
            open = !notApplicable[i] && nodes[i].Scorer is not null && IsOpen(plan, nodes[i], slots, scores[i], statuses[i]);
        }

        if (!open && !aggregationFailed)
        {
            return total;
        }

        // Stryker disable once Equality,Conditional : only where the buffer lives (stack or heap) changes, not what it holds
        Span<decimal> upper = nodes.Length <= 256 ? stackalloc decimal[nodes.Length] : new decimal[nodes.Length];
        // Stryker disable once Equality,Conditional : only where the buffer lives (stack or heap) changes, not what it holds
        Span<ScoreStatus> upperStatuses = nodes.Length <= 256 ? stackalloc ScoreStatus[nodes.Length] : new ScoreStatus[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (notApplicable[i])
            {
                upper[i] = 0m;
                upperStatuses[i] = ScoreStatus.NotApplicable;
            }
            else if (node.Scorer is not null)
            {
                var isOpen = IsOpen(plan, node, slots, scores[i], statuses[i]);
                upper[i] = isOpen ? node.Indicator.Points : scores[i];
                upperStatuses[i] = isOpen ? ScoreStatus.Scored : statuses[i];
            }
            else
            {
                upper[i] = Combine(plan, node.Children, node.WeightedMean, node.Formula, node.Indicator.Points, node.Indicator.BonusPoints, upper, upperStatuses, ExplainLanguage.None, out upperStatuses[i], out _, out _, out var failed);
                if (failed is not null)
                {
                    upper[i] = node.Indicator.Points + node.Indicator.BonusPoints;
                    upperStatuses[i] = ScoreStatus.Scored;
                }
            }
        }

        var bound = Combine(plan, plan.Roots, plan.RootWeightedMean, plan.RootFormula, plan.Points, 0m, upper, upperStatuses, ExplainLanguage.None, out _, out _, out _, out var rootFailure);
        if (rootFailure is null)
        {
            return bound;
        }

        // The system's own formula failed: at best every point and every declared extension.
        var bonus = 0m;
        foreach (var node in nodes)
        {
            bonus += node.Indicator.BonusPoints;
        }

        return plan.Points + bonus;
    }

    /// <summary>
    /// Whether an observation point's score could be higher with evidence the subject has not given: its status
    /// is missing evidence or error, or it scored below its points and reads a value that is invalid or not
    /// supplied (an unsupplied document is an answer, "no document", and leaves the point settled).
    /// </summary>
    private static bool IsOpen(EvaluationPlan plan, PlanNode node, ReadOnlySpan<EvidenceValue> slots, decimal score, ScoreStatus status)
    {
        if (status is ScoreStatus.MissingEvidence or ScoreStatus.Error)
        {
            return true;
        }

        if (score >= node.Indicator.Points)
        {
            return false;
        }

        foreach (var slot in node.Reads)
        {
            var kind = slots[slot].Kind;
            if (kind == EvidenceKind.Invalid || (kind == EvidenceKind.Missing && plan.Catalogue[slot].Type != EvidenceType.Document))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Why the aggregation formula of a node (or, for <paramref name="index"/> −1, the system's) failed, with the
    /// inputs it was given, worked out again from the children's scores; null when it has no formula or it did not fail.
    /// </summary>
    public static string? FormulaFailure(EvaluationPlan plan, int index, ReadOnlySpan<decimal> scores, ReadOnlySpan<ScoreStatus> statuses)
    {
        string? failure;
        string? explanation;
        if (index < 0)
        {
            if (plan.RootFormula is null)
            {
                return null;
            }

            Combine(plan, plan.Roots, plan.RootWeightedMean, plan.RootFormula, plan.Points, 0m, scores, statuses, ExplainLanguage.English, out _, out explanation, out _, out failure);
        }
        else
        {
            var node = plan.Nodes[index];
            if (node.Formula is null)
            {
                return null;
            }

            Combine(plan, node.Children, node.WeightedMean, node.Formula, node.Indicator.Points, node.Indicator.BonusPoints, scores, statuses, ExplainLanguage.English, out _, out explanation, out _, out failure);
        }

        return failure is null ? null : explanation;
    }

    /// <summary>
    /// The one-line explanation of one node in <paramref name="language"/>, put together from the subject's evidence
    /// and the scores already worked out.
    /// </summary>
    public static string Explain(EvaluationPlan plan, int index, ReadOnlySpan<EvidenceValue> slots, bool[] notApplicable, ReadOnlySpan<decimal> scores, ReadOnlySpan<ScoreStatus> statuses, Language language)
    {
        var node = plan.Nodes[index];
        var words = Text.Explaining(language);
        if (notApplicable[index])
        {
            return Text.Pick(words, "本类型不适用 → 0", "not applicable to this profile → 0");
        }

        if (node.Scorer is { } scorer)
        {
            return ScoreLeaf(scorer, slots, node.Indicator.Points, plan.Precision, words, out _).Explanation.ToString();
        }

        Combine(plan, node.Children, node.WeightedMean, node.Formula, node.Indicator.Points, node.Indicator.BonusPoints, scores, statuses, words, out _, out var explanation, out _, out _);
        return explanation!;
    }

    /// <summary>The score an observation point's rule gave, before clamping and rounding; null for a group, or a rule that failed or lacked evidence.</summary>
    public static decimal? Unrounded(EvaluationPlan plan, int index, ReadOnlySpan<EvidenceValue> slots)
    {
        var node = plan.Nodes[index];
        if (node.Scorer is not { } scorer)
        {
            return null;
        }

        try
        {
            var outcome = scorer.Score(slots, node.Indicator.Points, ExplainLanguage.None);
            return outcome.Status is ScoreStatus.Scored or ScoreStatus.Partial ? outcome.Score : null;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            return null;
        }
    }

    /// <summary>The score a node's rule or formula gave when it lay outside [0, points] and was clamped; null otherwise.</summary>
    public static decimal? Clamped(EvaluationPlan plan, int index, ReadOnlySpan<EvidenceValue> slots, ReadOnlySpan<decimal> scores, ReadOnlySpan<ScoreStatus> statuses)
    {
        var node = plan.Nodes[index];
        if (node.Scorer is { } scorer)
        {
            ScoreLeaf(scorer, slots, node.Indicator.Points, plan.Precision, ExplainLanguage.None, out var raw);
            return raw;
        }

        if (node.Formula is null)
        {
            return null;
        }

        Combine(plan, node.Children, node.WeightedMean, node.Formula, node.Indicator.Points, node.Indicator.BonusPoints, scores, statuses, ExplainLanguage.None, out _, out _, out var clamped, out _);
        return clamped;
    }

    private static ScoreOutcome ScoreLeaf(RuleScorer scorer, ReadOnlySpan<EvidenceValue> slots, decimal max, int precision, ExplainLanguage language, out decimal? clamped)
    {
        ScoreOutcome raw;
        try
        {
            raw = scorer.Score(slots, max, language);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // A failing rule (a plugin that throws, arithmetic overflow) fails its own leaf only.
            // Stryker disable once Conditional : text built with no language asked for is never read (callers pass out _)
            raw = ScoreOutcome.Failed(language == ExplainLanguage.None ? null
                : $"{Text.Pick(language, "规则执行失败：", "the rule failed: ")}{e.GetType().Name}: {e.Message}");
        }

        clamped = raw.Score < 0m || raw.Score > max ? raw.Score : null;
        var score = Math.Round(Math.Clamp(raw.Score, 0m, max), precision, MidpointRounding.AwayFromZero);

        // Scorers (and plugins) say only whether the evidence was complete; partial or full follows the rounded score.
        var status = raw.Status;
        if (status is ScoreStatus.Scored or ScoreStatus.Partial)
        {
            status = score > 0 && score < max ? ScoreStatus.Partial : ScoreStatus.Scored;
        }

        return new ScoreOutcome(score, status, raw.Explanation);
    }

    private static decimal Combine(
        EvaluationPlan plan,
        int[] children,
        bool weightedMean,
        FormulaAggregation? formula,
        decimal points,
        decimal bonusPoints,
        ReadOnlySpan<decimal> scores,
        ReadOnlySpan<ScoreStatus> statuses,
        ExplainLanguage language,
        out ScoreStatus status,
        out string? explanation,
        out decimal? clamped,
        out string? failure)
    {
        var baseScore = 0m;
        var bonus = 0m;
        var lift = 0m;
        var weightSum = 0m;
        var weighted = 0m;
        var allNotApplicable = true;
        var anyError = false;
        var anyMissing = false;
        foreach (var index in children)
        {
            var childStatus = statuses[index];
            allNotApplicable &= childStatus == ScoreStatus.NotApplicable;
            anyError |= childStatus == ScoreStatus.Error;
            anyMissing |= childStatus == ScoreStatus.MissingEvidence;
            var indicator = plan.Nodes[index].Indicator;
            if (indicator.IsBonus)
            {
                bonus += scores[index];
                continue;
            }

            // A part lifted above its points by extension items passes the lift on, outside this node's cap.
            var part = scores[index];
            if (part > indicator.Points && formula is null)
            {
                lift += part - indicator.Points;
                part = indicator.Points;
            }

            if (weightedMean)
            {
                // A part that does not apply leaves the mean; one with missing evidence counts as 0.
                if (indicator.Points > 0 && childStatus != ScoreStatus.NotApplicable)
                {
                    weightSum += indicator.Weight;
                    weighted += indicator.Weight * part / indicator.Points;
                }
            }
            else
            {
                baseScore += part;
            }
        }

        string? how = null;
        clamped = null;
        failure = null;
        var failed = false;
        if (formula is not null)
        {
            (var raw, failure, var inputs) = formula.Aggregate(scores, points, baseScore, language);
            failed = failure is not null;
            clamped = raw < 0m || raw > points ? raw : null;
            baseScore = Math.Round(Math.Clamp(raw, 0m, points), plan.Precision, MidpointRounding.AwayFromZero);
            if (language != ExplainLanguage.None)
            {
                how = failed ? $"{inputs}: {failure}" : inputs;
            }
        }
        else if (weightedMean)
        {
            baseScore = weightSum == 0 ? 0m : Math.Round(points * weighted / weightSum, plan.Precision, MidpointRounding.AwayFromZero);
            // Stryker disable once Conditional : text built with no language asked for is never read (the explanation below stays null)
            how = language == ExplainLanguage.None ? null : WeightedParts(plan, children, scores, statuses, language);
        }
        else if (language != ExplainLanguage.None)
        {
            // Parts add up to the node's points (IE102) and each counts at most its points, so a sum needs no cap.
            how = Text.Pick(language, "各项之和", "sum of its parts");
        }

        bonus = Math.Min(bonus, bonusPoints);
        var score = baseScore + bonus + lift;
        explanation = null;
        if (language != ExplainLanguage.None)
        {
            explanation = (bonusPoints > 0
                    ? $"{how}{Text.Pick(language, "：", ": ")}{Text.Of(baseScore, points, language)} + {Text.Pick(language, "扩展项", "extension")} {Text.Of(bonus, bonusPoints, language)}"
                    : $"{how} → {Text.Of(baseScore, points, language)}")
                + (lift > 0 ? Text.Pick(language, $" + 下级扩展项 {Text.Short(lift)}", $" + extension {Text.Short(lift)} from its parts") : "");
        }

        status = allNotApplicable ? ScoreStatus.NotApplicable
            : failed || anyError ? ScoreStatus.Error
            : anyMissing ? ScoreStatus.MissingEvidence
            : score > 0 && score < points ? ScoreStatus.Partial
            : ScoreStatus.Scored;
        return score;
    }

    /// <summary>
    /// "weighted mean of its parts (a 9.33 of 10 × 2, b 5 of 5 × 1)": every part in the mean with its score and
    /// weight, so that a reader can do the sum (points × Σ weight × score ÷ part points ÷ Σ weight).
    /// </summary>
    private static string WeightedParts(EvaluationPlan plan, int[] children, ReadOnlySpan<decimal> scores, ReadOnlySpan<ScoreStatus> statuses, ExplainLanguage language)
    {
        var parts = new List<string>(children.Length);
        foreach (var index in children)
        {
            var indicator = plan.Nodes[index].Indicator;
            if (!indicator.IsBonus && indicator.Points > 0 && statuses[index] != ScoreStatus.NotApplicable)
            {
                var title = language == ExplainLanguage.English ? indicator.Title.En ?? indicator.Title.Zh : indicator.Title.Zh;
                parts.Add($"{title} {Text.Of(scores[index], indicator.Points, language)} × {Text.Num(indicator.Weight)}");
            }
        }

        var how = Text.Pick(language, "加权平均", "weighted mean of its parts");
        return parts.Count == 0 ? how
            : language == ExplainLanguage.Chinese ? $"{how}（{string.Join("，", parts)}）"
            : $"{how} ({string.Join(", ", parts)})";
    }
}
