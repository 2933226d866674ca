using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Rules;

/// <summary>The threshold rule, at least and at most, with and without a partial target.</summary>
public class ThresholdScorerTests
{
    private const string Bandwidth = """{ "key": "bw", "type": "number", "unit": "Mbps", "title": "exit bandwidth" }""";
    private const string Hours = """{ "key": "hours", "type": "number", "unit": "h", "title": "repair time" }""";

    private static readonly IndicatorSystem AtLeast = OneLeaf(Bandwidth,
        """{ "type": "threshold", "evidence": "bw", "atLeast": 1000, "partial": { "atLeast": 500, "points": 1.5 } }""");

    private static readonly IndicatorSystem AtMost = OneLeaf(Hours,
        """{ "type": "threshold", "evidence": "hours", "atMost": 4, "partial": { "atMost": 24, "points": 1 } }""");

    [Theory]
    [InlineData("1000", "exit bandwidth 1,000 Mbps, meets target ≥ 1,000 → 4 of 4")]
    [InlineData("2500.5", "exit bandwidth 2,500.5 Mbps, meets target ≥ 1,000 → 4 of 4")]
    public void Threshold_AtLeast_MeetsTarget_EarnsFullPoints(string value, string explanation)
    {
        Assert.Equal((4m, ScoreStatus.Scored, explanation), Outcome(AtLeast, $$"""{ "bw": {{value}} }"""));
    }

    [Theory]
    [InlineData("999", "exit bandwidth 999 Mbps, misses target ≥ 1,000, meets partial target ≥ 500 → 1.5 of 4")]
    [InlineData("500", "exit bandwidth 500 Mbps, misses target ≥ 1,000, meets partial target ≥ 500 → 1.5 of 4")]
    public void Threshold_AtLeast_MeetsOnlyThePartialTarget_EarnsThePartialPoints(string value, string explanation)
    {
        Assert.Equal((1.5m, ScoreStatus.Partial, explanation), Outcome(AtLeast, $$"""{ "bw": {{value}} }"""));
    }

    [Fact]
    public void Threshold_AtLeast_MissesBothTargets_ScoresZero()
    {
        Assert.Equal((0m, ScoreStatus.Scored, "exit bandwidth 499.99 Mbps, misses target ≥ 1,000 → 0 of 4"), Outcome(AtLeast, """{ "bw": 499.99 }"""));
    }

    [Theory]
    [InlineData("4", "repair time 4 h, meets target ≤ 4 → 4 of 4")]
    [InlineData("0.5", "repair time 0.5 h, meets target ≤ 4 → 4 of 4")]
    public void Threshold_AtMost_MeetsTarget_EarnsFullPoints(string value, string explanation)
    {
        Assert.Equal((4m, ScoreStatus.Scored, explanation), Outcome(AtMost, $$"""{ "hours": {{value}} }"""));
    }

    [Theory]
    [InlineData("4.5", "repair time 4.5 h, misses target ≤ 4, meets partial target ≤ 24 → 1 of 4")]
    [InlineData("24", "repair time 24 h, misses target ≤ 4, meets partial target ≤ 24 → 1 of 4")]
    public void Threshold_AtMost_MeetsOnlyThePartialTarget_EarnsThePartialPoints(string value, string explanation)
    {
        Assert.Equal((1m, ScoreStatus.Partial, explanation), Outcome(AtMost, $$"""{ "hours": {{value}} }"""));
    }

    [Fact]
    public void Threshold_AtMost_MissesTarget_ExplainsTheTarget()
    {
        Assert.Equal((0m, ScoreStatus.Scored, "repair time 25 h, misses target ≤ 4 → 0 of 4"), Outcome(AtMost, """{ "hours": 25 }"""));
    }

    [Fact]
    public void Threshold_WithoutPartialTarget_MissingTheTarget_ScoresZero()
    {
        var system = OneLeaf(Hours, """{ "type": "threshold", "evidence": "hours", "atMost": 4 }""");
        Assert.Equal((0m, ScoreStatus.Scored, "repair time 5 h, misses target ≤ 4 → 0 of 4"), Outcome(system, """{ "hours": 5 }"""));
    }

    [Fact]
    public void Threshold_PartialPointsEqualToTheLeafs_EarnFullPoints()
    {
        var system = OneLeaf(Bandwidth, """{ "type": "threshold", "evidence": "bw", "atLeast": 1000, "partial": { "atLeast": 500, "points": 4 } }""");
        Assert.Equal((4m, ScoreStatus.Scored, "exit bandwidth 600 Mbps, misses target ≥ 1,000, meets partial target ≥ 500 → 4 of 4"), Outcome(system, """{ "bw": 600 }"""));
    }

    [Fact]
    public void Threshold_Missed_InChinese_SaysTheTargetWasNotReached()
    {
        Assert.Equal("exit bandwidth 499.99 Mbps，未达到目标 ≥ 1,000 → 0/4 分", ExplainInChinese(AtLeast, """{ "bw": 499.99 }"""));
    }

    [Theory]
    [InlineData(", \"atLeast\": 2, \"atMost\": 5")]
    [InlineData(", \"label\": \"neither\"")]
    public void Threshold_NeitherOrBothDirections_IsIE110_AtTheRule(string directions)
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "a threshold rule needs exactly one of 'atLeast' or 'atMost'", LeafRule)],
            RuleErrors(Bandwidth, $$"""{ "type": "threshold", "evidence": "bw"{{directions}} }"""));
    }

    [Theory]
    [InlineData("\"atLeast\": 1000", "\"atMost\": 500")]
    [InlineData("\"atLeast\": 1000", "\"atLeast\": 500, \"atMost\": 2000")]
    [InlineData("\"atMost\": 4", "\"atLeast\": 24")]
    [InlineData("\"atMost\": 4", "\"atLeast\": 1, \"atMost\": 24")]
    public void Threshold_PartialInAnotherDirection_IsIE110_AtThePartial(string full, string partial)
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "'partial' must use the same direction as the rule (atLeast with atLeast, atMost with atMost)", $"{LeafRule}/partial")],
            RuleErrors(Bandwidth, $$"""{ "type": "threshold", "evidence": "bw", {{full}}, "partial": { {{partial}}, "points": 1 } }"""));
    }

    [Theory]
    [InlineData("\"atLeast\": 1000, \"partial\": { \"atLeast\": 1000.5")]
    [InlineData("\"atMost\": 4, \"partial\": { \"atMost\": 3.5")]
    public void Threshold_PartialTargetStricterThanTheFull_IsIE110(string targets)
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "the partial target is stricter than the full target; it must be easier to meet", $"{LeafRule}/partial")],
            RuleErrors(Bandwidth, $$"""{ "type": "threshold", "evidence": "bw", {{targets}}, "points": 1 } }"""));
    }

    [Fact]
    public void Threshold_PartialPointsAboveTheLeafs_IsIE110_AtThePoints()
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "partial points 4.5 exceed the observation point's 4", $"{LeafRule}/partial/points")],
            RuleErrors(Bandwidth, """{ "type": "threshold", "evidence": "bw", "atLeast": 1000, "partial": { "atLeast": 500, "points": 4.5 } }"""));
    }
}
