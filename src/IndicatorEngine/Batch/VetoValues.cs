namespace IndicatorEngine.Batch;

/// <summary>
/// For <see cref="EvidenceGenerator"/>: values that make a veto on one evidence key fire, or keep it quiet, read
/// the way <see cref="VetoRule"/> reads them (every test must hold; an unsupplied document is "no document").
/// </summary>
internal static class VetoValues
{
    /// <summary>A value that fires the veto (null: leave the document out), or null when none is found.</summary>
    public static Fired? Firing(PlanVeto veto)
    {
        var declaration = veto.Evidence!;
        object? candidate;
        if (veto.EqualsValue is { } equals)
        {
            candidate = equals.Kind switch
            {
                EvidenceKind.Boolean when declaration.Type == EvidenceType.Document => equals.Boolean ? new[] { $"{declaration.Key}.pdf" } : null,
                EvidenceKind.Boolean => equals.Boolean,
                EvidenceKind.Number => equals.Number,
                _ => equals.Text,
            };
        }
        else
        {
            var integer = declaration.Type == EvidenceType.Integer;
            var lower = veto.AtLeast is { } a ? (integer ? decimal.Ceiling(a) : a)
                : veto.GreaterThan is { } g ? (integer ? decimal.Floor(g) + 1 : g + Step(g, declaration.Max))
                : (decimal?)null;
            var upper = veto.AtMost is { } m ? (integer ? decimal.Floor(m) : m)
                : veto.LessThan is { } l ? (integer ? decimal.Ceiling(l) - 1 : l - Step(declaration.Min ?? l - 1, l))
                : (decimal?)null;
            candidate = lower ?? upper;
        }

        return candidate is not null && Fires(veto, candidate) || candidate is null && Fires(veto, null) ? new Fired(candidate) : null;
    }

    /// <summary>A value near <paramref name="value"/> that does not fire the veto; <paramref name="value"/> itself when none is found.</summary>
    public static object? Safe(PlanVeto veto, object? value)
    {
        var declaration = veto.Evidence!;
        IEnumerable<object?> candidates = value switch
        {
            bool b => [!b],
            string[] when declaration.Type == EvidenceType.Document => [null],
            null when declaration.Type == EvidenceType.Document => [new[] { $"{declaration.Key}.pdf" }],
            decimal => new[] { declaration.Min ?? 0m, declaration.Max ?? 0m, 0m }.Select(d => (object?)d),
            _ => declaration.Values.Select(v => (object?)v),
        };
        foreach (var candidate in candidates)
        {
            if (!Fires(veto, candidate))
            {
                return candidate;
            }
        }

        return value;
    }

    /// <summary>Whether the veto fires on this generated value (bool, decimal, string, string[] or null).</summary>
    public static bool Fires(PlanVeto veto, object? value)
    {
        var document = veto.Evidence!.Type == EvidenceType.Document;
        if (value is null && !document)
        {
            return false;
        }

        if (veto.EqualsValue is { } equals)
        {
            var same = equals.Kind switch
            {
                EvidenceKind.Boolean => document ? (value is string[]) == equals.Boolean : value is bool b && b == equals.Boolean,
                EvidenceKind.Number => value is decimal n && n == equals.Number,
                _ => value is string s && s == equals.Text,
            };
            if (!same)
            {
                return false;
            }
        }

        return Holds(value, veto.AtLeast, (v, t) => v >= t) && Holds(value, veto.AtMost, (v, t) => v <= t)
            && Holds(value, veto.GreaterThan, (v, t) => v > t) && Holds(value, veto.LessThan, (v, t) => v < t);
    }

    private static bool Holds(object? value, decimal? test, Func<decimal, decimal, bool> how) =>
        test is not { } t || (value is decimal v && how(v, t));

    /// <summary>A step above <paramref name="from"/> that stays below <paramref name="limit"/> when there is one.</summary>
    private static decimal Step(decimal from, decimal? limit) =>
        limit is { } l && l - from < 2 ? (l - from) / 2 : 1;

    /// <summary>A value that fires a veto; null <see cref="Value"/> is a document left out.</summary>
    internal sealed record Fired(object? Value);
}
