namespace IndicatorEngine.Scripting;

/// <summary>Analyzes the formulas of node aggregations and vetoes, for the checker (problems) and the compiler (shapes).</summary>
internal static class FormulaChecks
{
    private static readonly IReadOnlySet<string> NoChildren = new HashSet<string>();

    /// <summary>Analyses an aggregation formula; problems go to the list. Null when it cannot be analysed.</summary>
    public static FormulaShape? Aggregation(string text, IReadOnlySet<string> children, List<FormulaProblem> problems) =>
        FormulaAnalyzer.Analyze(text, FormulaUse.Aggregation, _ => null, children, problems);

    /// <summary>Analyses a veto formula; problems go to the list. Null when it cannot be analysed.</summary>
    public static FormulaShape? Veto(string text, Func<string, JsType?> evidence, List<FormulaProblem> problems) =>
        FormulaAnalyzer.Analyze(text, FormulaUse.Veto, evidence, NoChildren, problems);
}
