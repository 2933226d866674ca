
namespace IndicatorEngine.Rules;

/// <summary><c>"linear"</c>: points in proportion to how far a measure has come from <c>from</c> towards <c>target</c>, capped at full points.</summary>
internal sealed class LinearRule : IRuleType
{
    public string Name => "linear";

    public RuleScorer? Bind(RuleBinding binding)
    {
        var rule = binding.Rule;
        var measure = binding.Measure();
        var from = rule.From ?? 0m;
        if (rule.Target <= from)
        {
            binding.Error(DiagnosticCodes.InvalidRule, $"'target' ({RuleBinding.N(rule.Target ?? 0)}) must be above 'from' ({RuleBinding.N(from)})", "/target");
            return null;
        }

        // Stryker disable once Conditional : DefinitionChecker drops the scorer of a binding that failed (a null measure is one), so returning one changes nothing
        return measure is null ? null : new Scorer(measure, from, rule.Target!.Value);
    }

    private sealed class Scorer(Measure measure, decimal from, decimal target) : RuleScorer
    {
        public override int[] Reads => measure.Reads;

        public override RuleSteps Steps(EvidenceValue[] slots, decimal max, EvidenceCatalogue catalogue)
        {
            // Stryker disable once Unary : read only when EditFor returns null, which always sets it first
            var needs = -1;
            return measure.EditFor(slots, target, up: true, ref needs) is { } edit ? RuleSteps.Of(edit) : RuleSteps.First(needs);
        }

        public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max, ExplainLanguage language)
        {
            if (!measure.TryRead(slots, language, out var value, out var described, out var failure))
            {
                return failure;
            }

            var fraction = Math.Clamp((value - from) / (target - from), 0m, 1m);
            var score = max * fraction;
            // Stryker disable once Block : a shortcut; without it the text is built and thrown away (no language was asked for)
            if (language == ExplainLanguage.None)
            {
                return new ScoreOutcome(score, ScoreStatus.Scored, default);
            }

            if (language == ExplainLanguage.Chinese)
            {
                var origin = from == 0m ? "" : $"（起点 {Text.Num(from)}）";
                return new ScoreOutcome(score, ScoreStatus.Scored, $"{described}，目标 {Text.Num(target)}{origin} → {Text.Of(score, max, language)}");
            }

            var start = from == 0m ? "" : $" from {Text.Num(from)}";
            return new ScoreOutcome(score, ScoreStatus.Scored, $"{described}, target {Text.Num(target)}{start} → {Text.Of(score, max, language)}");
        }
    }
}
