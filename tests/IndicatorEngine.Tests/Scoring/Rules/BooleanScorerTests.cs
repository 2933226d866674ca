using static IndicatorEngine.Tests.Scoring.TinySystem;

namespace IndicatorEngine.Tests.Scoring.Rules;

/// <summary>The boolean rule: its score, status and the exact explanation of every case.</summary>
public class BooleanScorerTests
{
    private const string Ipv6 = """{ "key": "ipv6", "type": "boolean", "title": "IPv6" }""";
    private const string Plan = """{ "key": "plan", "type": "document", "title": "security plan" }""";

    private static readonly IndicatorSystem Expected = OneLeaf(Ipv6, """{ "type": "boolean", "evidence": "ipv6" }""", 2);
    private static readonly IndicatorSystem ExpectedFalse = OneLeaf(Ipv6, """{ "type": "boolean", "evidence": "ipv6", "expected": false }""", 2);
    private static readonly IndicatorSystem Document = OneLeaf(Plan, """{ "type": "boolean", "evidence": "plan" }""", 2);

    [Fact]
    public void Boolean_Yes_EarnsFullPoints_AndSaysYes()
    {
        var leaf = ScoreLeaf(Expected, """{ "ipv6": true }""");
        Assert.Equal((2m, ScoreStatus.Scored, "IPv6: yes → 2 of 2"), (leaf.Score, leaf.Status, leaf.Explanation));
    }

    [Fact]
    public void Boolean_No_ScoresZero_AndSaysWhatWasExpected()
    {
        var leaf = ScoreLeaf(Expected, """{ "ipv6": false }""");
        Assert.Equal((0m, ScoreStatus.Scored, "IPv6: no (expected yes) → 0 of 2"), (leaf.Score, leaf.Status, leaf.Explanation));
    }

    [Fact]
    public void Boolean_ExpectedFalse_No_EarnsFullPoints()
    {
        var leaf = ScoreLeaf(ExpectedFalse, """{ "ipv6": false }""");
        Assert.Equal((2m, ScoreStatus.Scored, "IPv6: no → 2 of 2"), (leaf.Score, leaf.Status, leaf.Explanation));
    }

    [Fact]
    public void Boolean_ExpectedFalse_Yes_ScoresZero_AndSaysNoWasExpected()
    {
        var leaf = ScoreLeaf(ExpectedFalse, """{ "ipv6": true }""");
        Assert.Equal((0m, ScoreStatus.Scored, "IPv6: yes (expected no) → 0 of 2"), (leaf.Score, leaf.Status, leaf.Explanation));
    }

    [Fact]
    public void Boolean_DocumentSupplied_EarnsFullPoints()
    {
        var leaf = ScoreLeaf(Document, "{}", "plan");
        Assert.Equal((2m, ScoreStatus.Scored, "security plan: document supplied → 2 of 2"), (leaf.Score, leaf.Status, leaf.Explanation));
    }

    [Fact]
    public void Boolean_DocumentNotSupplied_IsScoredZero_NotMissing()
    {
        var leaf = ScoreLeaf(Document, "{}");
        Assert.Equal((0m, ScoreStatus.Scored, "security plan: no document (expected yes) → 0 of 2"), (leaf.Score, leaf.Status, leaf.Explanation));
    }

    [Fact]
    public void Boolean_ExpectedNoDocument_NoneSupplied_EarnsFullPoints()
    {
        var system = OneLeaf(Plan, """{ "type": "boolean", "evidence": "plan", "expected": false }""", 2);
        var leaf = ScoreLeaf(system, "{}");
        Assert.Equal((2m, ScoreStatus.Scored, "security plan: no document → 2 of 2"), (leaf.Score, leaf.Status, leaf.Explanation));
    }

    [Fact]
    public void Boolean_Label_ReplacesTheEvidenceTitle()
    {
        var system = OneLeaf(Ipv6, """{ "type": "boolean", "evidence": "ipv6", "label": "IPv6 deployed" }""", 2);
        Assert.Equal("IPv6 deployed: yes → 2 of 2", ScoreLeaf(system, """{ "ipv6": true }""").Explanation);
    }

    [Fact]
    public void Boolean_Missing_IsMissingEvidence_NamingTheKey()
    {
        var leaf = ScoreLeaf(Expected, "{}");
        Assert.Equal((0m, ScoreStatus.MissingEvidence, "IPv6 (ipv6) not supplied"), (leaf.Score, leaf.Status, leaf.Explanation));
    }

    [Fact]
    public void Boolean_Invalid_IsAnError_PointingAtTheDiagnostics()
    {
        var leaf = ScoreLeaf(Expected, """{ "ipv6": "yes" }""");
        Assert.Equal((0m, ScoreStatus.Error, "IPv6 (ipv6) is invalid; see the diagnostics"), (leaf.Score, leaf.Status, leaf.Explanation));
    }
}
