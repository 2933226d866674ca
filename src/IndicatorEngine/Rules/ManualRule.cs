
namespace IndicatorEngine.Rules;

/// <summary><c>"manual"</c>: the score an assessor entered, checked to lie between 0 and the point's points.</summary>
internal sealed class ManualRule : IRuleType
{
    public string Name => "manual";

    public RuleScorer? Bind(RuleBinding binding) =>
        binding.Numeric(binding.Rule.Evidence!, "/evidence", "a manual rule") is (var d, var slot)
            ? new Scorer(d, slot, binding.Rule.Label ?? d.Title)
            : null;

    private sealed class Scorer(EvidenceDeclaration evidence, int slot, string label) : RuleScorer
    {
        public override int[] Reads { get; } = [slot];

        public override RuleSteps Steps(EvidenceValue[] slots, decimal max, EvidenceCatalogue catalogue) => RuleSteps.Expert;

        public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max, ExplainLanguage language)
        {
            var value = slots[slot];
            switch (value.Kind)
            {
                case EvidenceKind.Missing:
                    // Stryker disable once Conditional : text built with no language asked for is never read
                    return ScoreOutcome.Missing(language == ExplainLanguage.None ? null : $"{label} ({evidence.Key}) {Text.Pick(language, "未录入", "not entered")}");
                case EvidenceKind.Number:
                    if (value.Number < 0m || value.Number > max)
                    {
                        return ScoreOutcome.Failed(language switch
                        {
                            ExplainLanguage.None => null,
                            ExplainLanguage.Chinese => $"{label} 录入为 {Text.Num(value.Number)}，超出 0 至 {Text.Short(max)} 的范围；请在此范围内录入",
                            _ => $"{label} entered as {Text.Num(value.Number)}, outside 0 to {Text.Short(max)}; enter a score in that range",
                        });
                    }

                    // Stryker disable once Conditional : text built with no language asked for is never read
                    return new ScoreOutcome(value.Number, ScoreStatus.Scored, language == ExplainLanguage.None ? null
                        : $"{label} {Text.Pick(language, "录入为", "entered as")} {Text.Num(value.Number)} → {Text.Of(value.Number, max, language)}");
                default:
                    return Text.Invalid(label, evidence.Key, language);
            }
        }
    }
}
