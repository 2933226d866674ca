using static IndicatorEngine.Tests.Evaluation.GroupAggregationTests;
using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Evaluation;

/// <summary>
/// The evaluator's upper bound of the total (open points at full points, failed aggregations at their points and
/// extensions), a group's status from several failing children, and its explanations in zh and en.
/// </summary>
public class EvaluatorTests
{
    private const string Fails = """, "aggregation": { "type": "formula", "expression": "total / 0" }""";

    [Theory]
    [InlineData("""{ "a": true }""", 2, 4)]
    [InlineData("""{ "a": true, "b": "x" }""", 2, 4)]
    [InlineData("""{ "a": true, "b": false }""", 2, 2)]
    [InlineData("""{ "a": true, "b": true }""", 4, 4)]
    public void APointScoredOnSomeItems_IsOpenWhileAnItemIsMissingOrInvalid(string values, int total, int upper)
    {
        var system = OneLeaf(
            """{ "key": "a", "type": "boolean", "title": "a" }, { "key": "b", "type": "boolean", "title": "b" }""",
            """{ "type": "checklist", "items": [ { "evidence": "a", "points": 2 }, { "evidence": "b", "points": 2 } ] }""");
        var card = Score(system, values);
        Assert.Equal(((decimal)total, (decimal)upper), (card.Total, card.TotalUpperBound));
    }

    [Theory]
    [InlineData(Fails, "", 4, 8)]
    [InlineData("", Fails, 4, 8)]
    [InlineData(Fails, Fails, 0, 8)]
    public void AGroupWhoseFormulaFails_CountsItsFullPointsInTheUpperBound(string first, string second, int total, int upper)
    {
        var system = Load(Entered, Group("root", 8, $"{Group("g1", 4, Manual("a", 4), first)}, {Group("g2", 4, Manual("b", 4), second)}"), 8);
        var card = Score(system, """{ "a": 4, "b": 4 }""");
        Assert.Equal(((decimal)total, (decimal)upper), (card.Total, card.TotalUpperBound));
    }

    [Fact]
    public void AGroupWhoseFormulaFails_CountsItsExtensionsToo()
    {
        var g1 = Group("g1", 4, $"{Manual("a", 4)}, {Manual("c", 1, ", \"bonus\": true")}", ", \"bonusPoints\": 1" + Fails);
        var system = Load(Entered, Group("root", 8, $"{g1}, {Group("g2", 4, Manual("b", 4))}"), 8);
        var card = Score(system, """{ "a": 4, "b": 4, "c": 1 }""");
        Assert.Equal((5m, 9m), (card.Total, card.TotalUpperBound));
    }

    [Fact]
    public void TheSystemsFormulaFailing_BoundsTheTotalByEveryPointAndExtension()
    {
        var g1 = Group("g1", 4, $"{Manual("a", 4)}, {Manual("c", 1, ", \"bonus\": true")}", ", \"bonusPoints\": 1");
        var system = Load(Entered, Group("root", 8, $"{g1}, {Group("g2", 4, Manual("b", 4))}"), 8, Fails);
        var card = Score(system, """{ "a": 1, "b": 1, "c": 0 }""");
        Assert.Equal((0m, 9m), (card.Total, card.TotalUpperBound));
    }

    [Fact]
    public void AWeightedMean_LeavesANotApplicablePartOutOfTheUpperBound()
    {
        var system = Load(Entered, Group("root", 4, $"{Manual("a", 2)}, {Manual("b", 2)}", ", \"aggregation\": \"weighted-mean\""), 4, notApplicable: "b");
        var card = system.Score(Subject("{}"), "reduced");
        Assert.Equal((0m, 4m), (card.Total, card.TotalUpperBound));
    }

    [Theory]
    [InlineData("""{ "a": "x", "b": "y" }""", ScoreStatus.Error)]
    [InlineData("""{ "a": "x", "b": 1 }""", ScoreStatus.Error)]
    [InlineData("{}", ScoreStatus.MissingEvidence)]
    [InlineData("""{ "b": 1 }""", ScoreStatus.MissingEvidence)]
    public void AGroup_WithOneOrMoreFailingParts_TakesTheirStatus(string values, ScoreStatus status)
    {
        var system = Load(Entered, Group("root", 4, $"{Manual("a", 2)}, {Manual("b", 2)}"), 4);
        Assert.Equal(status, Score(system, values).Find("root")!.Status);
    }

    [Fact]
    public void APartThatDoesNotApply_SaysSo_InChineseAndEnglish()
    {
        var system = Load(Entered, Group("root", 4, $"{Manual("a", 2)}, {Manual("b", 2)}"), 4, notApplicable: "b");
        var card = system.Score(Subject("""{ "a": 2 }"""), "reduced");
        Assert.Equal("本类型不适用 → 0", card.Find("b")!.Explanation);
        Assert.Equal("not applicable to this profile → 0", card.In(Language.English).Find("b")!.Explanation);
    }

    [Fact]
    public void Extensions_AreExplainedInChinese()
    {
        var g = Group("g", 6, $"{Manual("a", 4)}, {Manual("b", 2)}, {Manual("c", 2, ", \"bonus\": true")}", ", \"bonusPoints\": 2");
        var system = Load(Entered + """, { "key": "d", "type": "number", "title": "d" }""", Group("root", 10, $"{g}, {Manual("d", 4)}"), 10);
        var card = system.Score(Subject("""{ "a": 4, "b": 2, "c": 2, "d": 4 }"""));
        Assert.Equal("各项之和：6/6 分 + 扩展项 2/2 分", card.Find("g")!.Explanation);
        Assert.Equal("各项之和 → 10/10 分 + 下级扩展项 2", card.Find("root")!.Explanation);
    }

    [Fact]
    public void AWeightedMean_NamesItsPartsByTheirEnglishTitles_InEnglish()
    {
        var a = """{ "id": "a", "title": { "zh": "甲", "en": "alpha" }, "points": 4, "provenance": "modeled", "rule": { "type": "manual", "evidence": "a" } }""";
        var system = Load(Entered, Group("root", 8, $"{a}, {Manual("b", 4)}", ", \"aggregation\": \"weighted-mean\""), 8);
        var card = system.Score(Subject("""{ "a": 2, "b": 4 }"""));
        Assert.Equal("weighted mean of its parts (alpha 2 of 4 × 1, b 4 of 4 × 1) → 6 of 8", card.In(Language.English).Find("root")!.Explanation);
        Assert.Equal("加权平均（甲 2/4 分 × 1，b 4/4 分 × 1） → 6/8 分", card.Find("root")!.Explanation);
    }
}
