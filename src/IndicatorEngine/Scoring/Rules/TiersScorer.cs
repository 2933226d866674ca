using IndicatorEngine.Definitions;
using IndicatorEngine.Evidence;

namespace IndicatorEngine.Scoring.Rules;

/// <summary>One band of a tiers rule: a numeric lower bound or a value to equal, and its points.</summary>
internal sealed record Band(decimal? AtLeast, string? EqualsText, bool? EqualsBoolean, decimal Points, string? Label);

/// <summary>The points of the first band the evidence falls in, or 0 when it falls in none.</summary>
internal sealed class TiersScorer : LeafScorer
{
    private readonly Measure? _measure;
    private readonly EvidenceDeclaration _evidence;
    private readonly int _slot;
    private readonly Band[] _bands;

    public TiersScorer(Measure? measure, EvidenceDeclaration evidence, int slot, Band[] bands)
    {
        _measure = measure;
        _evidence = evidence;
        _slot = slot;
        _bands = bands;
        Reads = measure?.Reads ?? [slot];
    }

    public override IReadOnlyList<int> Reads { get; }

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max)
    {
        string? described;
        Band? matched = null;
        if (_measure is not null)
        {
            if (!_measure.TryRead(slots, out var value, out described, out var failure))
            {
                return failure;
            }

            foreach (var band in _bands)
            {
                if (band.AtLeast is { } atLeast && value >= atLeast)
                {
                    matched = band;
                    break;
                }
            }
        }
        else
        {
            var value = slots[_slot];
            if (!value.IsUsable)
            {
                return value.Kind == EvidenceKind.Invalid
                    ? ScoreOutcome.Failed($"{_evidence.Title} ({_evidence.Key}) is invalid; see the diagnostics")
                    : ScoreOutcome.Missing($"{_evidence.Title} ({_evidence.Key}) not supplied");
            }

            described = $"{_evidence.Title} {(value.Kind == EvidenceKind.Boolean ? (value.Boolean ? "yes" : "no") : value.Text)}";
            foreach (var band in _bands)
            {
                if (band.EqualsText is { } text && value.Kind == EvidenceKind.Text && value.Text == text
                    || band.EqualsBoolean is { } flag && value.Kind == EvidenceKind.Boolean && value.Boolean == flag)
                {
                    matched = band;
                    break;
                }
            }
        }

        if (matched is null)
        {
            return new ScoreOutcome(0m, ScoreStatus.Scored, $"{described}, in no band → {Text.Of(0m, max)}");
        }

        var score = Math.Min(matched.Points, max);
        var name = matched.Label
            ?? (matched.AtLeast is { } bound ? $"≥ {Text.Num(bound)}"
                : matched.EqualsBoolean is { } yes ? (yes ? "yes" : "no")
                : matched.EqualsText);
        return new ScoreOutcome(score, ScoreStatus.Scored, $"{described}, band {name} → {Text.Of(score, max)}");
    }
}
