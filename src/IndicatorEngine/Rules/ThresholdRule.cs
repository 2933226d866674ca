
namespace IndicatorEngine.Rules;

/// <summary><c>"threshold"</c>: full points when a measure reaches a target (at least or at most), optionally partial points for an easier target.</summary>
internal sealed class ThresholdRule : IRuleType
{
    public string Name => "threshold";

    public RuleScorer? Bind(RuleBinding binding)
    {
        var rule = binding.Rule;
        var measure = binding.Measure();
        if ((rule.AtLeast is null) == (rule.AtMost is null))
        {
            binding.Error(DiagnosticCodes.InvalidRule, "a threshold rule needs exactly one of 'atLeast' or 'atMost'");
            return null;
        }

        if (rule.Partial is { } partial)
        {
            var same = rule.AtLeast is not null ? partial.AtLeast is not null && partial.AtMost is null : partial.AtMost is not null && partial.AtLeast is null;
            if (!same)
            {
                binding.Error(DiagnosticCodes.InvalidRule, "'partial' must use the same direction as the rule (atLeast with atLeast, atMost with atMost)", "/partial");
            }
            else if (rule.AtLeast is { } full && partial.AtLeast > full || rule.AtMost is { } fullMost && partial.AtMost < fullMost)
            {
                binding.Error(DiagnosticCodes.InvalidRule, "the partial target is stricter than the full target; it must be easier to meet", "/partial");
            }

            if (partial.Points > binding.Points)
            {
                binding.Error(DiagnosticCodes.InvalidRule, $"partial points {RuleBinding.N(partial.Points)} exceed the observation point's {RuleBinding.N(binding.Points)}", "/partial/points");
            }
        }

        if (measure is null || binding.Failed)
        {
            return null;
        }

        var atLeast = rule.AtLeast is not null;
        return new Scorer(measure, atLeast ? rule.AtLeast!.Value : rule.AtMost!.Value, atLeast,
            atLeast ? rule.Partial?.AtLeast : rule.Partial?.AtMost, rule.Partial?.Points ?? 0m);
    }

    private sealed class Scorer(Measure measure, decimal target, bool atLeast, decimal? partialTarget, decimal partialPoints) : RuleScorer
    {
        public override int[] Reads => measure.Reads;

        public override RuleSteps Steps(EvidenceValue[] slots, decimal max, EvidenceCatalogue catalogue)
        {
            var needs = -1;
            var edits = new List<EvidenceEdit>(2);
            foreach (var goal in partialTarget is { } partial ? new[] { partial, target } : [target])
            {
                if (measure.EditFor(slots, goal, atLeast, ref needs) is { } edit)
                {
                    edits.Add(edit);
                }
            }

            return needs >= 0 ? RuleSteps.First(needs) : RuleSteps.Of([.. edits]);
        }

        public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max, ExplainLanguage language)
        {
            if (!measure.TryRead(slots, language, out var value, out var described, out var failure))
            {
                return failure;
            }

            decimal score;
            int met;
            if (Meets(value, target))
            {
                score = max;
                met = 2;
            }
            else if (partialTarget is { } partial && Meets(value, partial))
            {
                score = Math.Min(partialPoints, max);
                met = 1;
            }
            else
            {
                score = 0m;
                met = 0;
            }

            if (language == ExplainLanguage.None)
            {
                return new ScoreOutcome(score, ScoreStatus.Scored, default);
            }

            var sign = atLeast ? "≥" : "≤";
            var reason = (met, language) switch
            {
                (2, ExplainLanguage.Chinese) => $"达到目标 {sign} {Text.Num(target)}",
                (1, ExplainLanguage.Chinese) => $"未达到目标 {sign} {Text.Num(target)}，达到部分得分目标 {sign} {Text.Num(partialTarget!.Value)}",
                (_, ExplainLanguage.Chinese) => $"未达到目标 {sign} {Text.Num(target)}",
                (2, _) => $"meets target {sign} {Text.Num(target)}",
                (1, _) => $"misses target {sign} {Text.Num(target)}, meets partial target {sign} {Text.Num(partialTarget!.Value)}",
                _ => $"misses target {sign} {Text.Num(target)}",
            };
            return new ScoreOutcome(score, ScoreStatus.Scored, $"{described}{Text.Comma(language)}{reason} → {Text.Of(score, max, language)}");
        }

        private bool Meets(decimal value, decimal t) => atLeast ? value >= t : value <= t;
    }
}
