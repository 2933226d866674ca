using IndicatorEngine.Evidence;
using IndicatorEngine.Scoring.Rules;

namespace IndicatorEngine.Scripting;

/// <summary>
/// An observation point scored by a formula. A missing value it reads makes the leaf missing-evidence (the
/// formula is not run), an invalid one an error; a result that is not a finite number is an error; a result
/// outside [0, points] is clamped by the evaluator with a warning (IE301).
/// </summary>
internal sealed class FormulaScorer : LeafScorer
{
    private readonly PreparedFormula _formula;
    private readonly FormulaEvidence _evidence;
    private readonly string _label;
    private readonly int _points;

    public FormulaScorer(PreparedFormula formula, FormulaEvidence evidence, string label)
    {
        _formula = formula;
        _evidence = evidence;
        _label = label;
        _points = formula.Shape.IndexOf(InputSource.Points, "points");
    }

    public override IReadOnlyList<int> Reads => _evidence.Slots;

    public PreparedFormula Formula => _formula;

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max)
    {
        var frame = FormulaFrame.Rent(_formula.Shape.Inputs.Count);
        var (missing, invalid) = _evidence.Fill(slots, frame);
        if (invalid.Length > 0)
        {
            return ScoreOutcome.Failed($"{_label}: {invalid} is invalid; see the diagnostics");
        }

        if (missing.Length > 0)
        {
            return ScoreOutcome.Missing($"{_label}: {missing} not supplied");
        }

        if (_points >= 0)
        {
            frame.Numbers[_points] = (double)max;
        }

        var result = _formula.Run(frame);
        if (result.Failure is { } failure)
        {
            return ScoreOutcome.Failed($"{_label}: {failure} ({_evidence.Describe(slots)})");
        }

        if (!result.IsNumber || !double.IsFinite(result.Number))
        {
            var got = result.IsBoolean ? (result.Number != 0 ? "true" : "false") : result.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ScoreOutcome.Failed($"{_label}: the formula returned {got}, not a finite number ({_evidence.Describe(slots)})");
        }

        var score = result.ToDecimal();
        var shown = Math.Clamp(score, 0m, max);
        var note = shown == score ? "" : $" (the formula gave {Text.Num(score)})";
        return new ScoreOutcome(score, StatusOf(shown, max), $"{_label}: {_evidence.Describe(slots)} → {Text.Of(shown, max)}{note}");
    }
}
