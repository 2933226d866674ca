using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>
/// An evidence key named like something a formula already knows (a helper, a JavaScript global, a rule's
/// <c>points</c>) cannot be read by a formula: the formula would get the helper instead, and a veto such as
/// <c>ratio &gt; 3</c> would never fire. A formula that names such a key is an error when the definition loads.
/// </summary>
public class NameClashTests
{
    [Theory]
    [InlineData("ratio", "ratio > 3 ? 0 : points", "the helper ratio()")]
    [InlineData("min", "min * points", "the helper min()")]
    [InlineData("tiers", "tiers > 1 ? points : 0", "the helper tiers()")]
    [InlineData("Math", "Math > 1 ? points : 0", "the JavaScript global Math")]
    [InlineData("undefined", "undefined > 1 ? points : 0", "the JavaScript global undefined")]
    [InlineData("points", "points > 1 ? 4 : 0", "the observation point's points")]
    public void ARuleFormula_ReadingAKeyNamedLikeAKnownName_IsIE120(string key, string expression, string known)
    {
        var errors = RuleErrors($$"""{ "key": "{{key}}", "type": "number", "title": "x" }""", $$"""{ "type": "formula", "expression": "{{expression}}" }""");
        var error = Assert.Single(errors);
        Assert.Equal((DiagnosticCodes.FormulaError, LeafRule + "/expression"), (error.Code, error.Pointer));
        Assert.StartsWith(
            $"'{key}' is both a declared evidence key and {known}, so the formula would read {known} instead of the evidence; rename the evidence key (for example '{key}Value') in the catalogue and in the formula (line 1, column 1 of the formula)",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AVetoFormula_ReadingAKeyNamedLikeAHelper_IsIE120_NotAVetoThatNeverFires()
    {
        var json = $$"""
            {
              "id": "tiny", "version": "1", "title": { "zh": "小" }, "points": 4,
              "evidence": [ { "key": "ratio", "type": "number", "title": "ratio" }, { "key": "flag", "type": "boolean", "title": "flag" } ],
              "profiles": [ { "id": "all", "title": { "zh": "全部" }, "passThreshold": 0 } ],
              "vetoes": [ { "id": "v", "title": { "zh": "否决" }, "when": { "formula": "ratio > 3" } } ],
              "indicators": [ {{Group("root", 4, Point("leaf", 4, """{ "type": "boolean", "evidence": "flag" }"""))}} ]
            }
            """;
        var loaded = IndicatorSystem.Parse(json, "tiny.json");
        Assert.False(loaded.Succeeded);
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal((DiagnosticCodes.FormulaError, "/vetoes/0/when/formula"), (d.Code, d.Pointer));
        Assert.Contains("'ratio' is both a declared evidence key and the helper ratio()", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyNamedLikeAHelper_ThatNoFormulaReads_Loads_AndCallingTheHelperBesideItIsRefused()
    {
        var system = OneLeaf("""{ "key": "max", "type": "number", "title": "max" }""", """{ "type": "linear", "evidence": "max", "target": 10 }""");
        Assert.Equal(2m, Score(system, """{ "max": 5 }""").Total);

        var errors = RuleErrors(
            """{ "key": "max", "type": "number", "title": "max" }, { "key": "n", "type": "number", "title": "n" }""",
            """{ "type": "formula", "expression": "max(n, 1) > 2 ? points : 0" }""");
        Assert.Contains("'max' is both a declared evidence key and the helper max()", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALocalNamedLikeAKey_IsTheFormulasOwn_AndNoClash()
    {
        var system = OneLeaf(
            """{ "key": "ratio", "type": "number", "title": "ratio" }, { "key": "n", "type": "number", "title": "n" }""",
            """{ "type": "formula", "expression": "{ const ratio = n / 10; return ratio >= 1 ? points : 0; }" }""");
        Assert.Equal(4m, Score(system, """{ "ratio": 0, "n": 10 }""").Total);
    }
}
