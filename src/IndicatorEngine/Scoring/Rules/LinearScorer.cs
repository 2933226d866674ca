using IndicatorEngine.Evidence;

namespace IndicatorEngine.Scoring.Rules;

/// <summary>Points in proportion to how far a measure has come from <c>from</c> towards <c>target</c>, capped at full points.</summary>
internal sealed class LinearScorer(Measure measure, decimal from, decimal target) : LeafScorer
{
    public override IReadOnlyList<int> Reads { get; } = measure.Reads;

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max)
    {
        if (!measure.TryRead(slots, out var value, out var described, out var failure))
        {
            return failure;
        }

        var fraction = Math.Clamp((value - from) / (target - from), 0m, 1m);
        var score = max * fraction;
        var start = from == 0m ? "" : $" from {Text.Num(from)}";
        return new ScoreOutcome(score, ScoreStatus.Scored, $"{described}, target {Text.Num(target)}{start} → {Text.Of(score, max)}");
    }
}
