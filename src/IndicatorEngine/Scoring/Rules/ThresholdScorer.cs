using IndicatorEngine.Evidence;

namespace IndicatorEngine.Scoring.Rules;

/// <summary>Full points when a measure meets its target (at least or at most), optional partial points for a lesser target.</summary>
internal sealed class ThresholdScorer(Measure measure, decimal target, bool atLeast, decimal? partialTarget, decimal partialPoints) : LeafScorer
{
    public override IReadOnlyList<int> Reads { get; } = measure.Reads;

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max)
    {
        if (!measure.TryRead(slots, out var value, out var described, out var failure))
        {
            return failure;
        }

        var sign = atLeast ? "≥" : "≤";
        bool Meets(decimal t) => atLeast ? value >= t : value <= t;
        decimal score;
        string reason;
        if (Meets(target))
        {
            score = max;
            reason = $"meets target {sign} {Text.Num(target)}";
        }
        else if (partialTarget is { } partial && Meets(partial))
        {
            score = Math.Min(partialPoints, max);
            reason = $"misses target {sign} {Text.Num(target)}, meets partial target {sign} {Text.Num(partial)}";
        }
        else
        {
            score = 0m;
            reason = $"misses target {sign} {Text.Num(target)}";
        }

        return new ScoreOutcome(score, ScoreStatus.Scored, $"{described}, {reason} → {Text.Of(score, max)}");
    }
}
