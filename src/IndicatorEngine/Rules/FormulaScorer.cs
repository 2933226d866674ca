using System.Diagnostics;

namespace IndicatorEngine.Rules;

/// <summary>
/// An observation point scored by a formula. A missing value it reads makes the leaf missing-evidence (the
/// formula is not run), an invalid one an error; a result that is not a finite number is an error; a result
/// outside [0, points] is clamped by the evaluator with a warning (IE301).
/// </summary>
internal sealed class FormulaScorer : RuleScorer
{
    private readonly PreparedFormula _formula;
    private readonly FormulaEvidence _evidence;
    private readonly string _label;
    private readonly int _points;
    private readonly decimal _compiledPoints;
    private readonly TieredDelegate<Func<double, double, double, double, double>>? _fast;

    public FormulaScorer(PreparedFormula formula, FormulaEvidence evidence, string label)
    {
        _formula = formula;
        _evidence = evidence;
        _label = label;
        _points = formula.Shape.IndexOf(InputSource.Points, "points");
        _compiledPoints = formula.CompiledPoints ?? -1m;
        _fast = formula.Fast;
    }

    public override int[] Reads => _evidence.Slots;

    public PreparedFormula Formula => _formula;

    /// <summary>Reads the evidence and runs the formula (when no value is missing or invalid); no explanation.</summary>
    public FormulaResult Evaluate(ReadOnlySpan<EvidenceValue> slots, decimal max, out bool usable)
    {
        // The compiled delegates have the leaf's points built in: the evaluator always asks for those.
        Debug.Assert(!_formula.IsCompiled || max == _compiledPoints, "a compiled formula scorer is asked for other points than its leaf's");
        if (_fast is { } fast)
        {
            // The inputs go as arguments: their numbers live on the stack.
            var arguments = default(FormulaArguments);
            Span<double> numbers = arguments;
            usable = _evidence.Fill(slots, numbers, null);
            return usable ? FormulaResult.Of(fast.Current(numbers[0], numbers[1], numbers[2], numbers[3])) : default;
        }

        var frame = FormulaFrame.Rent(_formula.Shape.Inputs.Count);
        usable = _evidence.Fill(slots, frame);
        if (!usable)
        {
            return default;
        }

        if (_points >= 0)
        {
            frame.Numbers[_points] = (double)max;
        }

        return _formula.Run(frame);
    }

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max, ExplainLanguage language)
    {
        var result = Evaluate(slots, max, out var usable);
        var problem = usable ? ScoreStatus.Scored : _evidence.Problem(slots);
        if (problem != ScoreStatus.Scored)
        {
            if (language == ExplainLanguage.None)
            {
                return new ScoreOutcome(0m, problem, default);
            }

            var (missing, invalid) = _evidence.Problems(slots, language);
            return problem == ScoreStatus.Error
                ? ScoreOutcome.Failed($"{_label}: {invalid} {Text.Pick(language, "无效，详见诊断信息", "is invalid; see the diagnostics")}")
                : ScoreOutcome.Missing($"{_label}: {missing} {Text.Pick(language, "未提供", "not supplied")}");
        }

        if (result.NotAScore(language) is { } failure)
        {
            return ScoreOutcome.Failed(language == ExplainLanguage.None ? null : $"{_label}: {failure} ({_evidence.Describe(slots, language)})");
        }

        var score = result.ToDecimal();
        if (language == ExplainLanguage.None)
        {
            return new ScoreOutcome(score, ScoreStatus.Scored, default);
        }

        var shown = Math.Clamp(score, 0m, max);
        var note = shown == score ? "" : Text.Pick(language, $"（公式结果为 {Text.Num(score)}）", $" (the formula gave {Text.Num(score)})");
        return new ScoreOutcome(score, ScoreStatus.Scored, $"{_label}: {_evidence.Describe(slots, language)} → {Text.Of(shown, max, language)}{note}");
    }
}
