
namespace IndicatorEngine.Rules;

/// <summary><c>"formula"</c>: a JavaScript expression over the evidence, parsed and compiled once when the definition loads.</summary>
internal sealed class FormulaRule : IRuleType
{
    private static readonly IReadOnlySet<string> NoChildren = new HashSet<string>();

    public string Name => "formula";

    public RuleScorer? Bind(RuleBinding binding)
    {
        var problems = new List<FormulaProblem>();
        var catalogue = binding.Catalogue;
        var shape = FormulaAnalyzer.Analyze(binding.Rule.Expression ?? "", FormulaUse.Leaf, key => JsTypes.Of(catalogue.Find(key)), NoChildren, problems);
        foreach (var problem in problems)
        {
            binding.Error(problem.Code, problem.Message, "/expression");
        }

        if (shape is null || problems.Count > 0)
        {
            return null;
        }

        var formulas = binding.Options.Formulas;
        var prepared = new PreparedFormula(shape, formulas.Freeze(), formulas.CompileExpressions, binding.Points, owner: catalogue);
        return new FormulaScorer(prepared, new FormulaEvidence(shape, catalogue), binding.Rule.Label ?? "formula");
    }
}
