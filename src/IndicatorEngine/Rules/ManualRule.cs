
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

        public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max, bool explain)
        {
            var value = slots[slot];
            switch (value.Kind)
            {
                case EvidenceKind.Missing:
                    return ScoreOutcome.Missing(explain ? $"{label} ({evidence.Key}) not entered" : null);
                case EvidenceKind.Number:
                    if (value.Number < 0m || value.Number > max)
                    {
                        return ScoreOutcome.Failed(explain ? $"{label} entered as {Text.Num(value.Number)}, outside 0 to {Text.Short(max)}; enter a score in that range" : null);
                    }

                    return new ScoreOutcome(value.Number, ScoreStatus.Scored, explain ? $"{label} entered as {Text.Num(value.Number)} → {Text.Of(value.Number, max)}" : null);
                default:
                    return Text.Invalid(label, evidence.Key, explain);
            }
        }
    }
}
