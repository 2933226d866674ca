using IndicatorEngine.Definitions;
using IndicatorEngine.Evidence;

namespace IndicatorEngine.Scoring.Rules;

/// <summary>Full points when a yes/no fact (or a document's presence) equals the expected value.</summary>
internal sealed class BooleanScorer(EvidenceDeclaration evidence, int slot, bool expected, string? label) : LeafScorer
{
    private readonly string _label = label ?? evidence.Title;

    public override IReadOnlyList<int> Reads { get; } = [slot];

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max)
    {
        var value = slots[slot];
        bool actual;
        if (evidence.Type == EvidenceType.Document)
        {
            actual = value.Kind == EvidenceKind.Document;
        }
        else if (value.Kind == EvidenceKind.Boolean)
        {
            actual = value.Boolean;
        }
        else
        {
            return value.Kind == EvidenceKind.Invalid
                ? ScoreOutcome.Failed($"{_label} ({evidence.Key}) is invalid; see the diagnostics")
                : ScoreOutcome.Missing($"{_label} ({evidence.Key}) not supplied");
        }

        var score = actual == expected ? max : 0m;
        var shown = evidence.Type == EvidenceType.Document ? (actual ? "document supplied" : "no document") : (actual ? "yes" : "no");
        return new ScoreOutcome(score, ScoreStatus.Scored, $"{_label}: {shown}{(actual == expected ? "" : $" (expected {(expected ? "yes" : "no")})")} → {Text.Of(score, max)}");
    }
}
