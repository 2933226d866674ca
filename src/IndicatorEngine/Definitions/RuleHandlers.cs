using IndicatorEngine.Definitions.Model;
using IndicatorEngine.Diagnostics;
using IndicatorEngine.Evidence;
using IndicatorEngine.Json;
using IndicatorEngine.Scoring.Rules;

namespace IndicatorEngine.Definitions;

/// <summary>
/// A rule type implemented outside the built-in scorers (scripted formulas, plugin scorers): it checks its
/// rules when a definition loads and compiles them into scorers once per plan.
/// </summary>
internal interface IRuleHandler
{
    /// <summary>Checks one rule; reports problems through the context. Never throws for bad input.</summary>
    void Check(RuleCheckContext context);

    /// <summary>Compiles a rule that passed <see cref="Check"/> into a thread-safe scorer.</summary>
    LeafScorer Compile(RuleCompileContext context);
}

/// <summary>The handlers of the rule types that are not built into <see cref="SystemCompiler"/>.</summary>
internal static class RuleHandlers
{
    /// <summary>The handler for a rule type, or null when the type is built in or unknown.</summary>
    public static IRuleHandler? Find(string type) => type switch
    {
        "formula" => Scripting.FormulaRuleHandler.Instance,
        "plugin" => Plugins.PluginRuleHandler.Instance,
        _ => null,
    };
}

/// <summary>What a handler needs while checking one rule: the rule, its node, the catalogue, the options, and a place to report.</summary>
internal sealed class RuleCheckContext(
    RuleDto rule,
    NodeDto node,
    IReadOnlyDictionary<string, EvidenceDeclarationDto> evidence,
    LoadOptions options,
    SourceMap map,
    List<Diagnostic> diagnostics)
{
    public RuleDto Rule => rule;

    public NodeDto Node => node;

    public decimal Points => node.Points ?? 0m;

    public IReadOnlyDictionary<string, EvidenceDeclarationDto> Evidence => evidence;

    public LoadOptions Options => options;

    /// <summary>The file and JSON Pointer of the rule, for diagnostics that point inside a value (e.g. a formula's line and column).</summary>
    public (JsonSource Source, string Pointer)? Origin => map.TryOriginOf(rule);

    public void Report(string code, DiagnosticSeverity severity, string message, string suffix = "") =>
        diagnostics.Add(map.At(rule, code, message, suffix, severity));

    public void Error(string code, string message, string suffix = "") => Report(code, DiagnosticSeverity.Error, message, suffix);

    public void Add(Diagnostic diagnostic) => diagnostics.Add(diagnostic);
}

/// <summary>What a handler needs while compiling one rule: the rule, its node, the catalogue with slot indexes, the options.</summary>
internal sealed class RuleCompileContext(
    RuleDto rule,
    NodeDto node,
    IReadOnlyList<EvidenceDeclaration> catalogue,
    EvidenceBinder binder,
    LoadOptions options)
{
    public RuleDto Rule => rule;

    public NodeDto Node => node;

    public decimal Points => node.Points ?? 0m;

    public IReadOnlyList<EvidenceDeclaration> Catalogue => catalogue;

    public LoadOptions Options => options;

    /// <summary>The slot index of a declared evidence key (scorers read evidence by slot, never by key).</summary>
    public int SlotOf(string key) => binder.SlotOf(key);
}
