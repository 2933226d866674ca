
namespace IndicatorEngine.Evaluation;

/// <summary>What checking a veto against a subject's evidence found.</summary>
internal enum VetoState : byte
{
    NotFired,
    Fired,

    /// <summary>A value the veto reads is missing or invalid, or its formula failed: it may or may not hold.</summary>
    Undecided,
}

/// <summary>Checks a compiled veto against a subject's evidence.</summary>
internal static class VetoRule
{
    /// <summary>
    /// Whether the veto fires (<paramref name="hit"/> says why), does not fire, or cannot be decided because a value
    /// it reads is missing or invalid or its formula failed (<paramref name="hit"/> says what to supply). A formula
    /// that fails also adds an error (IE302) to <paramref name="failures"/>, made on first need.
    /// </summary>
    /// <param name="veto">The compiled veto.</param>
    /// <param name="slots">The subject's evidence.</param>
    /// <param name="language">The language of the hit's title and reason.</param>
    /// <param name="failures">Where a formula that cannot be checked is reported.</param>
    /// <param name="hit">Why it fired, or what decides it; null when it does not fire.</param>
    public static VetoState Check(PlanVeto veto, EvidenceValue[] slots, Language language, ref List<Diagnostic>? failures, out VetoHit? hit)
    {
        hit = null;
        var words = Text.Explaining(language);
        var title = language == Language.English ? veto.Veto.Title.En ?? veto.Veto.Title.Zh : veto.Veto.Title.Zh;
        if (veto.Formula is { } formula)
        {
            if (formula.Check(slots, out var failure))
            {
                hit = new VetoHit(veto.Veto.Id, title, Text.Pick(words, $"{formula.Text} 成立（{formula.Describe(slots, words)}）", $"{formula.Text} is true ({formula.Describe(slots)})"));
                return VetoState.Fired;
            }

            if (failure is not null)
            {
                (failures ??= []).Add(new Diagnostic(DiagnosticCodes.FormulaFailed, DiagnosticSeverity.Error,
                    $"veto '{veto.Veto.Id}' could not be checked, so the verdict is undetermined: {failure} ({formula.Describe(slots)})"));
                hit = new VetoHit(veto.Veto.Id, title, Text.Pick(words, $"否决条件公式出错（{failure}），详见诊断", $"its formula failed ({failure}); see the diagnostics"));
                return VetoState.Undecided;
            }

            var (missing, invalid) = formula.Problems(slots, words);
            if (missing.Length > 0 || invalid.Length > 0)
            {
                hit = new VetoHit(veto.Veto.Id, title, Undecided(missing, invalid, words));
                return VetoState.Undecided;
            }

            return VetoState.NotFired;
        }

        var value = slots[veto.Slot];

        // An unsupplied document is "no document", as for boolean rules and formulas, so "equals": false can fire.
        var document = veto.Evidence!.Type == EvidenceType.Document;
        if (!value.IsUsable && !(document && value.Kind == EvidenceKind.Missing))
        {
            var named = $"{veto.Evidence.Title} ({veto.Evidence.Key})";
            hit = new VetoHit(veto.Veto.Id, title, value.Kind == EvidenceKind.Invalid ? Undecided("", named, words) : Undecided(named, "", words));
            return VetoState.Undecided;
        }

        if (veto.EqualsValue is { } equals)
        {
            var same = equals.Kind switch
            {
                EvidenceKind.Boolean => document
                    ? (value.Kind == EvidenceKind.Document) == equals.Boolean
                    : value.Kind == EvidenceKind.Boolean && value.Boolean == equals.Boolean,
                EvidenceKind.Number => value.Kind == EvidenceKind.Number && value.Number == equals.Number,
                _ => value.Kind == EvidenceKind.Text && value.Text == equals.Text,
            };
            if (!same)
            {
                return VetoState.NotFired;
            }
        }

        // Every numeric test must hold; the list of tests is put into words only when the veto fires.
        if (!Holds(value, veto.AtLeast, 0) || !Holds(value, veto.AtMost, 1) || !Holds(value, veto.GreaterThan, 2) || !Holds(value, veto.LessThan, 3))
        {
            return VetoState.NotFired;
        }

        var tests = new List<string>();
        if (veto.EqualsValue is { } equal)
        {
            tests.Add("= " + (equal.Kind switch
            {
                EvidenceKind.Boolean => TrueFalse(equal.Boolean, words),
                EvidenceKind.Number => Text.Num(equal.Number),
                _ => equal.Text,
            }));
        }

        Describe(veto.AtLeast, "≥", tests);
        Describe(veto.AtMost, "≤", tests);
        Describe(veto.GreaterThan, ">", tests);
        Describe(veto.LessThan, "<", tests);

        var shown = value.Kind switch
        {
            EvidenceKind.Boolean => TrueFalse(value.Boolean, words),
            EvidenceKind.Number => Text.Num(value.Number),
            EvidenceKind.Document => Text.Document(true, words),
            EvidenceKind.Missing => Text.Document(false, words),
            _ => value.Text,
        };
        var because = string.Join(Text.Comma(words), tests);
        hit = new VetoHit(veto.Veto.Id, title, words == ExplainLanguage.Chinese
            ? $"{veto.Evidence.Title} ({veto.Evidence.Key}) = {shown}（{because}）"
            : $"{veto.Evidence.Title} ({veto.Evidence.Key}) = {shown} ({because})");
        return VetoState.Fired;
    }

    private static string Undecided(string missing, string invalid, ExplainLanguage words) =>
        (missing.Length, invalid.Length) switch
        {
            (> 0, 0) => Text.Pick(words, $"{missing}未提供，补充后方可判定", $"{missing} not supplied; supply it to decide the veto"),
            (0, _) => Text.Pick(words, $"{invalid}无效，更正后方可判定", $"{invalid} is invalid; correct it to decide the veto"),
            _ => Text.Pick(words, $"{missing}未提供，{invalid}无效，补充并更正后方可判定", $"{missing} not supplied and {invalid} invalid; supply and correct them to decide the veto"),
        };

    /// <summary>A yes/no value as the veto's test reads it: true/false in English (as written in the definition), 是/否 in Chinese.</summary>
    private static string TrueFalse(bool value, ExplainLanguage language) =>
        language == ExplainLanguage.Chinese ? Text.YesNo(value, language) : value ? "true" : "false";

    private static bool Holds(EvidenceValue value, decimal? test, int how)
    {
        if (test is not { } t)
        {
            return true;
        }

        return value.Kind == EvidenceKind.Number && how switch
        {
            0 => value.Number >= t,
            1 => value.Number <= t,
            2 => value.Number > t,
            _ => value.Number < t,
        };
    }

    private static void Describe(decimal? test, string sign, List<string> tests)
    {
        if (test is { } t)
        {
            tests.Add($"{sign} {Text.Num(t)}");
        }
    }
}
