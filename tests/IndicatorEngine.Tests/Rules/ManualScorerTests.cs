using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Rules;

/// <summary>The manual rule: a score entered directly, accepted in [0, points].</summary>
public class ManualScorerTests
{
    private const string Expert = """{ "key": "expert", "type": "number", "title": "expert score" }""";

    private static readonly IndicatorSystem System = OneLeaf(Expert, """{ "type": "manual", "evidence": "expert" }""", 5);

    [Fact]
    public void Manual_InRange_IsTheScore_AndExplainsTheEntry()
    {
        Assert.Equal((3.5m, ScoreStatus.Partial, "expert score entered as 3.5 → 3.5 of 5"), Outcome(System, """{ "expert": 3.5 }"""));
    }

    [Theory]
    [InlineData("0", 0, "expert score entered as 0 → 0 of 5")]
    [InlineData("5", 5, "expert score entered as 5 → 5 of 5")]
    public void Manual_AtEitherEndOfTheRange_IsAccepted(string entered, int score, string explanation)
    {
        Assert.Equal(((decimal)score, ScoreStatus.Scored, explanation), Outcome(System, $$"""{ "expert": {{entered}} }"""));
    }

    [Fact]
    public void Manual_OnEvidenceThatIsNotANumber_IsIE110_AtTheEvidence()
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "a manual rule needs number or integer evidence, but 'flag' is boolean", $"{LeafRule}/evidence")],
            RuleErrors("""{ "key": "flag", "type": "boolean", "title": "flag" }""", """{ "type": "manual", "evidence": "flag" }"""));
    }

    [Theory]
    [InlineData("5.01", "expert score entered as 5.01, outside 0 to 5; enter a score in that range")]
    [InlineData("-0.5", "expert score entered as -0.5, outside 0 to 5; enter a score in that range")]
    public void Manual_OutOfRange_IsAnError_SayingTheRange(string entered, string explanation)
    {
        Assert.Equal((0m, ScoreStatus.Error, explanation), Outcome(System, $$"""{ "expert": {{entered}} }"""));
    }

    [Fact]
    public void Manual_Missing_SaysNotEntered()
    {
        Assert.Equal((0m, ScoreStatus.MissingEvidence, "expert score (expert) not entered"), Outcome(System, "{}"));
    }

    [Fact]
    public void Manual_Invalid_IsAnError_PointingAtTheDiagnostics()
    {
        Assert.Equal((0m, ScoreStatus.Error, "expert score (expert) is invalid; see the diagnostics"), Outcome(System, """{ "expert": "high" }"""));
    }

    [Fact]
    public void Manual_Label_ReplacesTheEvidenceTitle()
    {
        var system = OneLeaf(Expert, """{ "type": "manual", "evidence": "expert", "label": "panel" }""", 5);
        Assert.Equal("panel entered as 4 → 4 of 5", ScoreLeaf(system, """{ "expert": 4 }""").Explanation);
        Assert.Equal("panel entered as 6, outside 0 to 5; enter a score in that range", ScoreLeaf(system, """{ "expert": 6 }""").Explanation);
        Assert.Equal("panel (expert) not entered", ScoreLeaf(system, "{}").Explanation);
    }

    [Fact]
    public void Manual_InChinese_SaysNotEnteredOrTheRange()
    {
        Assert.Equal("expert score (expert) 未录入", ExplainInChinese(System, "{}"));
        Assert.Equal("expert score 录入为 5.01，超出 0 至 5 的范围；请在此范围内录入", ExplainInChinese(System, """{ "expert": 5.01 }"""));
    }
}
