using IndicatorEngine.Definitions;
using IndicatorEngine.Diagnostics;
using IndicatorEngine.Evidence;
using IndicatorEngine.Scoring.Rules;

namespace IndicatorEngine.Scoring;

/// <summary>Checks a compiled veto against a subject's evidence.</summary>
internal static class VetoRule
{
    /// <summary>The hit when every test of the veto holds; null when it does not fire (or its evidence is missing or invalid).</summary>
    public static VetoHit? Check(PlanVeto veto, EvidenceValue[] slots, List<Diagnostic> diagnostics)
    {
        if (veto.Formula is { } formula)
        {
            var (fired, reason, failure) = formula.Check(slots);
            if (failure is not null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.FormulaFailed, DiagnosticSeverity.Error,
                    $"veto '{veto.Veto.Id}' could not be checked and was not applied: {failure} ({reason})"));
            }

            return fired ? new VetoHit(veto.Veto.Id, veto.Veto.Title.Zh, $"{formula.Text} is true ({reason})") : null;
        }

        var value = slots[veto.Slot];

        // An unsupplied document is "no document", as for boolean rules and formulas, so "equals": false can fire.
        var document = veto.Evidence!.Type == EvidenceType.Document;
        if (!value.IsUsable && !(document && value.Kind == EvidenceKind.Missing))
        {
            return null;
        }

        var tests = new List<string>();
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
                return null;
            }

            tests.Add("= " + (equals.Kind switch
            {
                EvidenceKind.Boolean => equals.Boolean ? "true" : "false",
                EvidenceKind.Number => Text.Num(equals.Number),
                _ => equals.Text,
            }));
        }

        if (!Numeric(value, veto.AtLeast, (v, t) => v >= t, "≥", tests)
            || !Numeric(value, veto.AtMost, (v, t) => v <= t, "≤", tests)
            || !Numeric(value, veto.GreaterThan, (v, t) => v > t, ">", tests)
            || !Numeric(value, veto.LessThan, (v, t) => v < t, "<", tests))
        {
            return null;
        }

        var shown = value.Kind switch
        {
            EvidenceKind.Boolean => value.Boolean ? "true" : "false",
            EvidenceKind.Number => Text.Num(value.Number),
            EvidenceKind.Document => "document supplied",
            EvidenceKind.Missing => "no document",
            _ => value.Text,
        };
        return new VetoHit(veto.Veto.Id, veto.Veto.Title.Zh, $"{veto.Evidence.Title} ({veto.Evidence.Key}) = {shown} ({string.Join(", ", tests)})");
    }

    private static bool Numeric(EvidenceValue value, decimal? test, Func<decimal, decimal, bool> holds, string sign, List<string> tests)
    {
        if (test is not { } t)
        {
            return true;
        }

        if (value.Kind != EvidenceKind.Number || !holds(value.Number, t))
        {
            return false;
        }

        tests.Add($"{sign} {Text.Num(t)}");
        return true;
    }
}
