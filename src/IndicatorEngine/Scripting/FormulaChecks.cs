namespace IndicatorEngine.Scripting;

/// <summary>Analyzes the formulas of node aggregations and vetoes, for the checker (problems) and the compiler (shapes).</summary>
internal static class FormulaChecks
{
    private static readonly IReadOnlySet<string> NoChildren = new HashSet<string>();

    public static List<FormulaProblem> Aggregation(string text, IReadOnlySet<string> children)
    {
        var problems = new List<FormulaProblem>();
        FormulaAnalyzer.Analyze(text, FormulaUse.Aggregation, _ => null, children, problems);
        return problems;
    }

    public static List<FormulaProblem> Veto(string text, Func<string, JsType?> evidence)
    {
        var problems = new List<FormulaProblem>();
        FormulaAnalyzer.Analyze(text, FormulaUse.Veto, evidence, NoChildren, problems);
        return problems;
    }

    public static FormulaShape AggregationShape(string text, IReadOnlySet<string> children) =>
        FormulaAnalyzer.Analyze(text, FormulaUse.Aggregation, _ => null, children, []) ?? throw Unchecked();

    public static FormulaShape VetoShape(string text, Func<string, JsType?> evidence) =>
        FormulaAnalyzer.Analyze(text, FormulaUse.Veto, evidence, NoChildren, []) ?? throw Unchecked();

    private static InvalidOperationException Unchecked() => new("a formula that passed the checks no longer analyzes");
}
