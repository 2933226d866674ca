using IndicatorEngine.Definitions;
using IndicatorEngine.Evidence;

namespace IndicatorEngine.Scoring.Rules;

/// <summary>A score entered directly (by the school or an expert), accepted when it lies in [0, max].</summary>
internal sealed class ManualScorer(EvidenceDeclaration evidence, int slot, string? label) : LeafScorer
{
    private readonly string _label = label ?? evidence.Title;

    public override IReadOnlyList<int> Reads { get; } = [slot];

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max)
    {
        var value = slots[slot];
        switch (value.Kind)
        {
            case EvidenceKind.Missing:
                return ScoreOutcome.Missing($"{_label} ({evidence.Key}) not entered");
            case EvidenceKind.Number:
                if (value.Number < 0m || value.Number > max)
                {
                    return ScoreOutcome.Failed($"{_label} entered as {Text.Num(value.Number)}, outside 0 to {Text.Short(max)}; enter a score in that range");
                }

                return new ScoreOutcome(value.Number, ScoreStatus.Scored, $"{_label} entered as {Text.Num(value.Number)} → {Text.Of(value.Number, max)}");
            default:
                return ScoreOutcome.Failed($"{_label} ({evidence.Key}) is invalid; see the diagnostics");
        }
    }
}
