using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Rules;

/// <summary>The linear rule: points in proportion between <c>from</c> and <c>target</c>, with the measure's options.</summary>
public class LinearScorerTests
{
    private const string Bandwidth = """{ "key": "bw", "type": "number", "unit": "Mbps", "title": "exit bandwidth" }""";

    private static readonly IndicatorSystem FromZero = OneLeaf(Bandwidth, """{ "type": "linear", "evidence": "bw", "target": 1000 }""");
    private static readonly IndicatorSystem FromSome = OneLeaf(Bandwidth, """{ "type": "linear", "evidence": "bw", "from": 200, "target": 1000 }""");

    [Fact]
    public void Linear_HalfwayToTheTarget_EarnsHalfThePoints()
    {
        Assert.Equal((2m, ScoreStatus.Partial, "exit bandwidth 500 Mbps, target 1,000 → 2 of 4"), Outcome(FromZero, """{ "bw": 500 }"""));
    }

    [Theory]
    [InlineData("1000", 4, "exit bandwidth 1,000 Mbps, target 1,000 → 4 of 4")]
    [InlineData("3000", 4, "exit bandwidth 3,000 Mbps, target 1,000 → 4 of 4")]
    [InlineData("0", 0, "exit bandwidth 0 Mbps, target 1,000 → 0 of 4")]
    public void Linear_AtOrBeyondTheEnds_IsClampedInTheExplanationToo(string value, int score, string explanation)
    {
        Assert.Equal(((decimal)score, ScoreStatus.Scored, explanation), Outcome(FromZero, $$"""{ "bw": {{value}} }"""));
    }

    [Fact]
    public void Linear_From_CountsOnlyWhatIsAboveIt_AndSaysSo()
    {
        Assert.Equal((2m, ScoreStatus.Partial, "exit bandwidth 600 Mbps, target 1,000 from 200 → 2 of 4"), Outcome(FromSome, """{ "bw": 600 }"""));
    }

    [Fact]
    public void Linear_BelowFrom_ScoresZero_NotANegativeFraction()
    {
        Assert.Equal((0m, ScoreStatus.Scored, "exit bandwidth 100 Mbps, target 1,000 from 200 → 0 of 4"), Outcome(FromSome, """{ "bw": 100 }"""));
    }

    [Fact]
    public void Linear_ScoreIsRoundedHalfAwayFromZero_ToThePrecision()
    {
        // 1 × 1 ÷ 8 = 0.125 → 0.13 (half away from zero; banker's rounding would give 0.12).
        var system = OneLeaf(Bandwidth, """{ "type": "linear", "evidence": "bw", "target": 8 }""", 1);
        Assert.Equal((0.13m, ScoreStatus.Partial, "exit bandwidth 1 Mbps, target 8 → 0.13 of 1"), Outcome(system, """{ "bw": 1 }"""));
    }

    [Fact]
    public void Linear_AlmostFull_RoundsToFullPoints_AndIsScoredNotPartial()
    {
        // 4 × 999.999 ÷ 1000 = 3.999996 → 4.00 once rounded: the status follows the rounded score.
        var leaf = ScoreLeaf(FromZero, """{ "bw": 999.999 }""");
        Assert.Equal((4m, ScoreStatus.Scored), (leaf.Score, leaf.Status));
    }

    [Fact]
    public void Linear_AlmostNothing_RoundsToZero_AndIsScoredNotPartial()
    {
        var leaf = ScoreLeaf(FromZero, """{ "bw": 0.001 }""");
        Assert.Equal((0m, ScoreStatus.Scored), (leaf.Score, leaf.Status));
    }

    [Theory]
    [InlineData("200", "'target' (200) must be above 'from' (200)")]
    [InlineData("100", "'target' (100) must be above 'from' (200)")]
    public void Linear_TargetNotAboveFrom_IsIE110_AtTheTarget(string target, string message)
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, message, $"{LeafRule}/target")],
            RuleErrors(Bandwidth, $$"""{ "type": "linear", "evidence": "bw", "from": 200, "target": {{target}} }"""));
    }
}
