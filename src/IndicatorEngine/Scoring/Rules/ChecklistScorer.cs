using IndicatorEngine.Definitions;
using IndicatorEngine.Evidence;

namespace IndicatorEngine.Scoring.Rules;

/// <summary>One item of a checklist: the evidence that shows it and its points.</summary>
internal sealed record ChecklistItem(EvidenceDeclaration Evidence, int Slot, decimal Points, string Label);

/// <summary>The points of every item present, capped at the leaf's points. Items with no evidence count as absent.</summary>
internal sealed class ChecklistScorer : LeafScorer
{
    private readonly ChecklistItem[] _items;

    public ChecklistScorer(ChecklistItem[] items)
    {
        _items = items;
        Reads = items.Select(i => i.Slot).ToArray();
    }

    public override IReadOnlyList<int> Reads { get; }

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max)
    {
        var score = 0m;
        var missing = 0;
        var invalid = 0;
        var parts = new List<string>(_items.Length);
        foreach (var item in _items)
        {
            var value = slots[item.Slot];
            switch (value.Kind)
            {
                case EvidenceKind.Missing:
                    missing++;
                    parts.Add($"{item.Label} not supplied");
                    break;
                case EvidenceKind.Invalid:
                    invalid++;
                    parts.Add($"{item.Label} invalid");
                    break;
                default:
                    var present = value.IsPresent;
                    if (present)
                    {
                        score += item.Points;
                    }

                    parts.Add($"{item.Label} {(present ? "yes" : "no")}");
                    break;
            }
        }

        score = Math.Min(score, max);
        var explanation = $"{string.Join(", ", parts)} → {Text.Of(score, max)}";
        if (invalid == _items.Length)
        {
            return ScoreOutcome.Failed(explanation);
        }

        if (missing + invalid == _items.Length)
        {
            return ScoreOutcome.Missing(explanation);
        }

        // Some items unsupplied: the leaf is still scored on what was supplied (the unsupplied items count
        // as absent and are listed as missing evidence), so a school sees both its points and what to add.
        return new ScoreOutcome(score, ScoreStatus.Scored, explanation);
    }
}
