
namespace IndicatorEngine.Rules;

/// <summary>
/// What a rule kind is given while it binds one rule: the rule and its observation point, the evidence
/// catalogue with slots, the load options, and a place to report problems at JSON Pointers inside the rule.
/// </summary>
internal sealed class RuleBinding(
    RuleDto rule,
    NodeDto node,
    EvidenceCatalogue catalogue,
    LoadOptions options,
    SourceMap map,
    List<Diagnostic> diagnostics)
{
    private bool _failed;

    public RuleDto Rule => rule;

    public NodeDto Node => node;

    public decimal Points => node.Points ?? 0m;

    public EvidenceCatalogue Catalogue => catalogue;

    public LoadOptions Options => options;

    /// <summary>Whether an error has been reported for this rule.</summary>
    public bool Failed => _failed;

    /// <summary>The file and JSON Pointer of the rule, for diagnostics that point inside a value (e.g. a formula's line and column).</summary>
    public (JsonSource Source, string Pointer)? Origin => map.TryOriginOf(rule);

    public void Report(string code, DiagnosticSeverity severity, string message, string suffix = "")
    {
        _failed |= severity == DiagnosticSeverity.Error;
        diagnostics.Add(map.At(rule, code, message, suffix, severity));
    }

    public void Error(string code, string message, string suffix = "") => Report(code, DiagnosticSeverity.Error, message, suffix);

    public void Add(Diagnostic diagnostic)
    {
        _failed |= diagnostic.IsError;
        diagnostics.Add(diagnostic);
    }

    /// <summary>A declared key's declaration and slot; IE104 and null when it is not declared.</summary>
    public (EvidenceDeclaration Declaration, int Slot)? Evidence(string key, string suffix)
    {
        if (catalogue.TryFind(key, out var declaration, out var slot))
        {
            return (declaration, slot);
        }

        Error(DiagnosticCodes.UndeclaredEvidence, $"evidence key '{key}' is not declared; add it to the 'evidence' catalogue or fix the spelling", suffix);
        return null;
    }

    /// <summary>A declared number or integer key; IE104 or IE106 and null otherwise.</summary>
    public (EvidenceDeclaration Declaration, int Slot)? Numeric(string key, string suffix, string what)
    {
        var found = Evidence(key, suffix);
        if (found is { Declaration: var d } && !EvidenceCatalogue.IsNumeric(d.Type))
        {
            Error(DiagnosticCodes.InvalidRule, $"{what} needs number or integer evidence, but '{key}' is {EvidenceCatalogue.NameOf(d.Type)}", suffix);
            return null;
        }

        return found;
    }

    /// <summary>The number the rule reads (<c>evidence</c>, optionally <c>per</c> another and times <c>scale</c>); null after an error.</summary>
    public Measure? Measure()
    {
        var value = Numeric(rule.Evidence!, "/evidence", $"a {rule.Type} rule");
        var per = rule.Per is null ? null : Numeric(rule.Per, "/per", "'per'");
        if (value is not { } v || rule.Per is not null && per is null)
        {
            return null;
        }

        return new Measure(v.Declaration, v.Slot, per?.Declaration, per?.Slot ?? -1, rule.Scale ?? 1m, rule.Label, rule.Unit);
    }

    public static string N(decimal value) => value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
}
