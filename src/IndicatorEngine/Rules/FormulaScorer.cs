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

    /// <summary>
    /// For each input on its own (the others as supplied), the value that earns the most this input can give: a
    /// yes/no or document input flipped; a number searched by bisection over its declared range, where sampling
    /// shows the formula monotone in it. An input in which it is not monotone proposes nothing. A fixed input (a fact
    /// of the school) is never varied by the bisection: when it alone would raise the point it is named in
    /// <see cref="RuleSteps.Fixed"/> instead.
    /// </summary>
    public override RuleSteps Steps(EvidenceValue[] slots, decimal max, EvidenceCatalogue catalogue)
    {
        const int samples = 16;
        var inputs = _evidence.Inputs.ToList();
        var current = Leaf(slots, -1, default, max);
        var edits = new List<EvidenceEdit>();
        var needs = -1;
        var fixedSlot = -1;
        var computable = false;
        foreach (var (slot, declaration) in inputs)
        {
            var blocked = inputs.FindIndex(o => o.Slot != slot && !Usable(slots[o.Slot], o.Declaration));
            if (blocked >= 0)
            {
                needs = inputs[blocked].Slot;
                continue;
            }

            if (declaration.Type is EvidenceType.Boolean or EvidenceType.Document)
            {
                computable = true;
                var flipped = RuleSteps.Flag(declaration, !slots[slot].IsPresent);
                if (Leaf(slots, slot, flipped, max) > current)
                {
                    // A fact of the school is only named, never proposed.
                    if (declaration.Fixed)
                    {
                        fixedSlot = fixedSlot < 0 ? slot : fixedSlot;
                    }
                    else
                    {
                        edits.Add(new EvidenceEdit(slot, flipped));
                    }
                }

                continue;
            }

            if (!EvidenceCatalogue.IsNumeric(declaration.Type))
            {
                continue;
            }

            var lo = declaration.Min ?? 0m;
            var hi = declaration.Max ?? lo + 1_000_000m;
            var at = new decimal[samples + 1];
            for (var i = 0; i <= samples; i++)
            {
                at[i] = Leaf(slots, slot, Number(declaration, lo + ((hi - lo) * i / samples)), max);
            }

            var rising = true;
            var falling = true;
            for (var i = 0; i < samples; i++)
            {
                rising &= at[i + 1] >= at[i];
                falling &= at[i + 1] <= at[i];
            }

            if (!rising && !falling)
            {
                continue;
            }

            computable = true;
            var best = rising ? at[samples] : at[0];
            if (best <= current)
            {
                continue;
            }

            // A fact of the school is not bisected: the point is only noted as depending on it.
            if (declaration.Fixed)
            {
                fixedSlot = fixedSlot < 0 ? slot : fixedSlot;
                continue;
            }

            // The value nearest to the school's own (or to the worse end) that still earns the best.
            var worse = slots[slot].Kind == EvidenceKind.Number ? Math.Clamp(slots[slot].Number, lo, hi) : rising ? lo : hi;
            var better = rising ? hi : lo;
            for (var i = 0; i < 64; i++)
            {
                var middle = (worse + better) / 2;
                if (Leaf(slots, slot, Number(declaration, middle), max) >= best)
                {
                    better = middle;
                }
                else
                {
                    worse = middle;
                }
            }

            var value = RuleSteps.Number(declaration, better, rising);
            edits.Add(new EvidenceEdit(slot, Leaf(slots, slot, value, max) >= best ? value : Number(declaration, rising ? hi : lo)));
        }

        return edits.Count > 0 || computable ? RuleSteps.Of([.. edits]) with { Fixed = fixedSlot } : needs >= 0 ? RuleSteps.First(needs) : RuleSteps.Unknown;
    }

    private static EvidenceValue Number(EvidenceDeclaration declaration, decimal value) =>
        new(EvidenceKind.Number, Number: declaration.Type == EvidenceType.Integer ? decimal.Round(value) : value);

    private static bool Usable(EvidenceValue value, EvidenceDeclaration declaration) =>
        value.IsUsable || (value.Kind == EvidenceKind.Missing && declaration.Type == EvidenceType.Document);

    /// <summary>The point's score (clamped, to 6 places so that floating-point noise does not look like a change) with one slot set; 0 when it is not scored.</summary>
    private decimal Leaf(EvidenceValue[] slots, int slot, EvidenceValue value, decimal max)
    {
        var copy = slots;
        if (slot >= 0)
        {
            copy = (EvidenceValue[])slots.Clone();
            copy[slot] = value;
        }

        var outcome = Score(copy, max, ExplainLanguage.None);
        return outcome.Status == ScoreStatus.Scored ? decimal.Round(Math.Clamp(outcome.Score, 0m, max), 6) : 0m;
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
