using IndicatorEngine.Definitions;
using IndicatorEngine.Definitions.Model;
using IndicatorEngine.Diagnostics;
using IndicatorEngine.Scoring.Rules;

namespace IndicatorEngine.Scripting;

/// <summary>The <c>formula</c> rule type: checks the formula when the definition loads and compiles it into a <see cref="FormulaScorer"/>.</summary>
internal sealed class FormulaRuleHandler : IRuleHandler
{
    public static readonly FormulaRuleHandler Instance = new();

    private static readonly IReadOnlySet<string> NoChildren = new HashSet<string>();

    private FormulaRuleHandler()
    {
    }

    /// <summary>The JavaScript type a formula sees for a declared evidence key.</summary>
    public static JsType? TypeOf(EvidenceDeclarationDto? declaration) => declaration?.Type switch
    {
        null => null,
        "number" or "integer" => JsType.Number,
        "boolean" or "document" => JsType.Boolean,
        "list" => JsType.List,
        _ => JsType.String,
    };

    /// <summary>The JavaScript type a formula sees for a compiled catalogue entry.</summary>
    public static JsType? TypeOf(EvidenceDeclaration? declaration) =>
        declaration is null ? null : TypeOf(ToDto(declaration));

    public void Check(RuleCheckContext context)
    {
        var problems = new List<FormulaProblem>();
        Analyze(context.Rule, context.Evidence, problems);
        foreach (var problem in problems)
        {
            context.Error(problem.Code, problem.Message, "/expression");
        }
    }

    public LeafScorer Compile(RuleCompileContext context)
    {
        var shape = Analyze(context.Rule, context.Catalogue.ToDictionary(d => d.Key, ToDto, StringComparer.Ordinal), new List<FormulaProblem>())
            ?? throw new InvalidOperationException("a formula that passed the checks no longer analyzes");
        var formulas = context.Options.Formulas;
        var prepared = new PreparedFormula(shape, formulas.Freeze(), formulas.CompileExpressions, context.Points);
        return new FormulaScorer(prepared, new FormulaEvidence(shape, context.Catalogue, context.SlotOf), context.Rule.Label ?? "formula");
    }

    private static FormulaShape? Analyze(RuleDto rule, IReadOnlyDictionary<string, EvidenceDeclarationDto> evidence, List<FormulaProblem> problems) =>
        FormulaAnalyzer.Analyze(rule.Expression ?? "", FormulaUse.Leaf, key => TypeOf(evidence.GetValueOrDefault(key)), NoChildren, problems);

    private static EvidenceDeclarationDto ToDto(EvidenceDeclaration d) => new() { Key = d.Key, Type = d.Type.ToString().ToLowerInvariant() };
}
