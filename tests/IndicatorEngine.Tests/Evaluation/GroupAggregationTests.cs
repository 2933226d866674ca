using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Evaluation;

/// <summary>How a group's score and explanation come from its children: sum, capped sum, weighted mean, extension bonus.</summary>
public class GroupAggregationTests
{
    /// <summary>Three scores entered directly, so that each child's score is whatever a test says.</summary>
    internal const string Entered = """
        { "key": "a", "type": "number", "title": "a" },
        { "key": "b", "type": "number", "title": "b" },
        { "key": "c", "type": "number", "title": "c" }
        """;

    internal static string Manual(string key, decimal points, string more = "") =>
        Point(key, points, $$"""{ "type": "manual", "evidence": "{{key}}" }""", more);

    [Fact]
    public void Sum_AddsTheParts_AndSaysSo()
    {
        var system = Load(Entered, Group("root", 6, $"{Manual("a", 4)}, {Manual("b", 2)}"), 6);
        var root = Score(system, """{ "a": 1.25, "b": 2 }""").Find("root")!;
        Assert.Equal((3.25m, 6m, ScoreStatus.Partial, "sum of its parts → 3.25 of 6"), (root.Score, root.Max, root.Status, root.Explanation));
    }

    [Fact]
    public void Extension_LiftCarriesToTheTotal_OutsideEveryCapAbove()
    {
        // "g" earns 6 + an extension of 2 = 8 of 6 ("40+9" style); root's base parts make 6 + 4 = 10 of 10, and the
        // lift of 2 is carried past root's cap and the system's: the total is 12 of 10.
        var g = Group("g", 6, $"{Manual("a", 4)}, {Manual("b", 2)}, {Manual("c", 2, ", \"bonus\": true")}");
        var system = Load(Entered + """, { "key": "d", "type": "number", "title": "d" }""", Group("root", 10, $"{g}, {Manual("d", 4)}"), 10);
        var card = Score(system, """{ "a": 4, "b": 2, "c": 2, "d": 4 }""");
        Assert.Equal((8m, "sum of its parts: 6 of 6 + extension 2 of 2"), (card.Find("g")!.Score, card.Find("g")!.Explanation));
        var root = card.Find("root")!;
        Assert.Equal((12m, ScoreStatus.Scored, "sum of its parts → 10 of 10 + extension 2 from its parts"), (root.Score, root.Status, root.Explanation));
        Assert.Equal(12m, card.Total);
        Assert.Equal(10m, card.Max);
    }

    [Fact]
    public void Extension_BelowTheBase_MakesUpLostPoints_AndLiftsNothing()
    {
        // "g": base 3 of 6 + extension 2 = 5 of 6: nothing above g's points, so nothing to carry.
        var g = Group("g", 6, $"{Manual("a", 4)}, {Manual("b", 2)}, {Manual("c", 2, ", \"bonus\": true")}");
        var system = Load(Entered + """, { "key": "d", "type": "number", "title": "d" }""", Group("root", 10, $"{g}, {Manual("d", 4)}"), 10);
        var card = Score(system, """{ "a": 1, "b": 2, "c": 2, "d": 4 }""");
        Assert.Equal(5m, card.Find("g")!.Score);
        Assert.Equal((9m, "sum of its parts → 9 of 10"), (card.Find("root")!.Score, card.Find("root")!.Explanation));
        Assert.Equal(9m, card.Total);
    }

    [Fact]
    public void Extension_AddsAboveThePoints_UpToTheBonusPoints()
    {
        var system = Load(Entered, Group("root", 6, $"{Manual("a", 4)}, {Manual("b", 2)}, {Manual("c", 3, ", \"bonus\": true")}", ", \"bonusPoints\": 2"), 6);
        var card = Score(system, """{ "a": 3, "b": 2, "c": 2.5 }""");
        var root = card.Find("root")!;
        Assert.Equal((7m, 6m, "sum of its parts: 5 of 6 + extension 2 of 2"), (root.Score, root.Max, root.Explanation));

        // The system's cap applies to base points only: root's 1 point above its 6 lifts the total above the system's 6.
        Assert.Equal(7m, card.Total);
    }

    [Fact]
    public void Extension_BelowItsCap_CountsInFull()
    {
        var system = Load(Entered, Group("root", 6, $"{Manual("a", 4)}, {Manual("b", 2)}, {Manual("c", 3, ", \"bonus\": true")}"), 6);
        var root = Score(system, """{ "a": 4, "b": 2, "c": 1.5 }""").Find("root")!;
        Assert.Equal((7.5m, "sum of its parts: 6 of 6 + extension 1.5 of 3"), (root.Score, root.Explanation));
    }

    [Fact]
    public void WeightedMean_WeighsEachPartsFraction_AndRoundsToThePrecision()
    {
        // 10 × (3 × 1/4 + 1 × 1/3) ÷ 4 = 2.708… → 2.71
        var system = Load(Entered, Group("root", 10, $"{Manual("a", 4, ", \"weight\": 3")}, {Manual("b", 3)}", ", \"aggregation\": \"weighted-mean\""), 10);
        var root = Score(system, """{ "a": 1, "b": 1 }""").Find("root")!;
        Assert.Equal((2.71m, ScoreStatus.Partial, "weighted mean of its parts (a 1 of 4 × 3, b 1 of 3 × 1) → 2.71 of 10"), (root.Score, root.Status, root.Explanation));
    }

    [Fact]
    public void WeightedMean_LeavesOutNotApplicableAndZeroPointParts_ButCountsMissingOnesAsZero()
    {
        var parts = $"{Manual("a", 4, ", \"weight\": 2")}, {Manual("b", 2)}, {Manual("c", 0, ", \"weight\": 5")}";
        var system = Load(Entered, Group("root", 6, parts, ", \"aggregation\": \"weighted-mean\""), 6, notApplicable: "b");

        // All apply: 6 × (2 × 2/4 + 1 × 2/2) ÷ 3 = 4; "c" has no points and is left out.
        Assert.Equal(4m, system.Score(Subject("""{ "a": 2, "b": 2, "c": 0 }""")).Find("root")!.Score);

        // "b" does not apply: 6 × (2 × 2/4) ÷ 2 = 3.
        Assert.Equal(3m, system.Score(Subject("""{ "a": 2, "b": 2, "c": 0 }"""), "reduced").Find("root")!.Score);

        // "b" missing counts as 0 with its weight: 6 × (2 × 2/4) ÷ 3 = 2.
        Assert.Equal(2m, system.Score(Subject("""{ "a": 2, "c": 0 }""")).Find("root")!.Score);
    }

    [Fact]
    public void WeightedMean_WithEveryPartNotApplicable_IsZero()
    {
        var system = Load(Entered, Group("root", 6, $"{Manual("a", 4)}, {Manual("b", 2)}", ", \"aggregation\": \"weighted-mean\""), 6, notApplicable: ["a", "b"]);
        var root = system.Score(Subject("""{ "a": 4, "b": 2 }"""), "reduced").In(Language.English).Find("root")!;
        Assert.Equal((0m, ScoreStatus.NotApplicable, "weighted mean of its parts → 0 of 6"), (root.Score, root.Status, root.Explanation));
    }

    [Fact]
    public void WeightedMean_WithAnExtension_AddsTheBonus()
    {
        var parts = $"{Manual("a", 4)}, {Manual("b", 2)}, {Manual("c", 1, ", \"bonus\": true")}";
        var system = Load(Entered, Group("root", 6, parts, ", \"aggregation\": \"weighted-mean\""), 6);
        var root = Score(system, """{ "a": 2, "b": 2, "c": 1 }""").Find("root")!;
        Assert.Equal((5.5m, "weighted mean of its parts (a 2 of 4 × 1, b 2 of 2 × 1): 4.5 of 6 + extension 1 of 1"), (root.Score, root.Explanation));
    }

    [Fact]
    public void SystemWeightedMean_MakesTheTotal()
    {
        var system = Load(Entered, $"{Group("x", 4, Manual("a", 4), ", \"weight\": 3")}, {Group("y", 2, Manual("b", 2))}", 10, ", \"aggregation\": \"weighted-mean\"");
        var card = Score(system, """{ "a": 1, "b": 2 }""");

        // 10 × (3 × 1/4 + 1 × 2/2) ÷ 4 = 4.375 → 4.38
        Assert.Equal(4.38m, card.Total);
    }

    [Theory]
    [InlineData("min(total, points)", 3, ScoreStatus.Partial, "formula with total = 3, points = 6 → 3 of 6", false)]
    [InlineData("points", 6, ScoreStatus.Scored, "formula with points = 6 → 6 of 6", false)]
    [InlineData("total - 5", 0, ScoreStatus.Scored, "formula with total = 3 → 0 of 6", true)]
    [InlineData("total * 3", 6, ScoreStatus.Scored, "formula with total = 3 → 6 of 6", true)]
    [InlineData("total / 0", 0, ScoreStatus.Error, "formula with total = 3: the formula returned Infinity, not a finite number → 0 of 6", false)]
    public void FormulaAggregation_ExplainsItsInputs_AndWarnsOnlyWhenItClamps(string expression, int score, ScoreStatus status, string explanation, bool clamped)
    {
        var aggregation = $$""", "aggregation": { "type": "formula", "expression": "{{expression}}" }""";
        var system = Load(Entered, Group("root", 6, $"{Manual("a", 4)}, {Manual("b", 2)}", aggregation), 6);
        var card = Score(system, """{ "a": 1, "b": 2 }""");
        var root = card.Find("root")!;
        Assert.Equal((score, status, explanation), ((int)root.Score, root.Status, root.Explanation));
        Assert.Equal(clamped, card.Diagnostics.Any(d => d.Code == IndicatorEngine.DiagnosticCodes.ScoreClamped));
    }
}
