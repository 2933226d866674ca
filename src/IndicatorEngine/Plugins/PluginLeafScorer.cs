using System.Runtime.CompilerServices;
using IndicatorEngine.Evidence;
using IndicatorEngine.Scoring.Rules;

namespace IndicatorEngine.Plugins;

/// <summary>
/// A plugin rule compiled into the plan: its scorer resolved, its settings compiled, the keys it reads resolved
/// to slots. Scoring copies those few values into a view on the stack and calls the scorer directly.
/// </summary>
internal sealed class PluginLeafScorer(string name, IScorer scorer, object? settings, int[] slots, string indicatorId, ScorerRegistry? registry) : LeafScorer
{
    public override IReadOnlyList<int> Reads => slots;

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> values, decimal max)
    {
        var buffer = default(ReadingBuffer);
        Span<EvidenceReading> readings = slots.Length <= ReadingBuffer.Length ? buffer[..slots.Length] : new EvidenceReading[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            readings[i] = Reading(values[slots[i]]);
        }

        ScoreOutcome outcome;
        try
        {
            outcome = scorer.Score(new EvidenceView(readings), settings, max);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            registry?.ReportFailure(name, indicatorId, whileCompiling: false, e);
            return ScoreOutcome.Failed($"scorer '{name}' failed: {e.GetType().Name}: {OneLine(e.Message)}");
        }

        var explanation = outcome.Explanation;
        if (outcome.Score >= 0m && outcome.Score <= max && !string.IsNullOrEmpty(explanation) && explanation.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return outcome;
        }

        // The evaluator clamps and warns (IE301); the explanation says whose score it was.
        explanation = string.IsNullOrEmpty(explanation) ? $"scored by '{name}'" : OneLine(explanation);
        if (outcome.Score < 0m || outcome.Score > max)
        {
            explanation += $" [scorer '{name}' gave {Text.Num(outcome.Score)}, outside 0 to {Text.Short(max)}: clamped]";
        }

        return outcome with { Explanation = explanation };
    }

    private static EvidenceReading Reading(in EvidenceValue value) => new(
        value.Kind switch
        {
            EvidenceKind.Missing => ReadingKind.Missing,
            EvidenceKind.Number => ReadingKind.Number,
            EvidenceKind.Boolean => ReadingKind.Boolean,
            EvidenceKind.Text => ReadingKind.Text,
            EvidenceKind.List => ReadingKind.List,
            EvidenceKind.Document => ReadingKind.Document,
            _ => ReadingKind.Invalid,
        },
        value.Number,
        value.Boolean,
        value.Text,
        value.Count);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>Room on the stack for the values of a rule that reads up to eight keys (most read one to four).</summary>
    [InlineArray(Length)]
    private struct ReadingBuffer
    {
        public const int Length = 8;

        private EvidenceReading _element;
    }
}
