
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
    public static VetoState Check(PlanVeto veto, EvidenceValue[] slots, ref List<Diagnostic>? failures, out VetoHit? hit)
    {
        hit = null;
        if (veto.Formula is { } formula)
        {
            var fired = formula.Check(slots, out var failure);
            if (fired)
            {
                // True on the values supplied: whatever the missing ones would be, the veto holds.
                hit = new VetoHit(veto.Veto.Id, veto.Veto.Title.Zh, $"{formula.Text} is true ({formula.Describe(slots)})");
                return VetoState.Fired;
            }

            if (failure is not null)
            {
                (failures ??= []).Add(new Diagnostic(DiagnosticCodes.FormulaFailed, DiagnosticSeverity.Error,
                    $"veto '{veto.Veto.Id}' could not be checked, so the verdict is undetermined: {failure} ({formula.Describe(slots)})"));
                hit = new VetoHit(veto.Veto.Id, veto.Veto.Title.Zh, $"its formula failed ({failure}); see the diagnostics");
                return VetoState.Undecided;
            }

            var (missing, invalid) = formula.Problems(slots);
            if (missing.Length > 0 || invalid.Length > 0)
            {
                hit = new VetoHit(veto.Veto.Id, veto.Veto.Title.Zh, Undecided(missing, invalid));
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
            hit = new VetoHit(veto.Veto.Id, veto.Veto.Title.Zh, value.Kind == EvidenceKind.Invalid ? Undecided("", named) : Undecided(named, ""));
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
                EvidenceKind.Boolean => equal.Boolean ? "true" : "false",
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
            EvidenceKind.Boolean => value.Boolean ? "true" : "false",
            EvidenceKind.Number => Text.Num(value.Number),
            EvidenceKind.Document => "document supplied",
            EvidenceKind.Missing => "no document",
            _ => value.Text,
        };
        hit = new VetoHit(veto.Veto.Id, veto.Veto.Title.Zh, $"{veto.Evidence.Title} ({veto.Evidence.Key}) = {shown} ({string.Join(", ", tests)})");
        return VetoState.Fired;
    }

    private static string Undecided(string missing, string invalid) =>
        (missing.Length, invalid.Length) switch
        {
            (> 0, 0) => $"{missing} not supplied; supply it to decide the veto",
            (0, _) => $"{invalid} is invalid; correct it to decide the veto",
            _ => $"{missing} not supplied and {invalid} invalid; supply and correct them to decide the veto",
        };

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
