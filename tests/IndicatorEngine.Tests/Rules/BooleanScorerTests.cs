using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Rules;

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
        Assert.Equal((2m, ScoreStatus.Scored, "IPv6: yes → 2 of 2"), Outcome(Expected, """{ "ipv6": true }"""));
    }

    [Fact]
    public void Boolean_No_ScoresZero_AndSaysWhatWasExpected()
    {
        Assert.Equal((0m, ScoreStatus.Scored, "IPv6: no (expected yes) → 0 of 2"), Outcome(Expected, """{ "ipv6": false }"""));
    }

    [Fact]
    public void Boolean_ExpectedFalse_No_EarnsFullPoints()
    {
        Assert.Equal((2m, ScoreStatus.Scored, "IPv6: no → 2 of 2"), Outcome(ExpectedFalse, """{ "ipv6": false }"""));
    }

    [Fact]
    public void Boolean_ExpectedFalse_Yes_ScoresZero_AndSaysNoWasExpected()
    {
        Assert.Equal((0m, ScoreStatus.Scored, "IPv6: yes (expected no) → 0 of 2"), Outcome(ExpectedFalse, """{ "ipv6": true }"""));
    }

    [Fact]
    public void Boolean_DocumentSupplied_EarnsFullPoints()
    {
        Assert.Equal((2m, ScoreStatus.Scored, "security plan: document supplied → 2 of 2"), Outcome(Document, "{}", "plan"));
    }

    [Fact]
    public void Boolean_DocumentNotSupplied_IsScoredZero_NotMissing()
    {
        Assert.Equal((0m, ScoreStatus.Scored, "security plan: no document (expected yes) → 0 of 2"), Outcome(Document, "{}"));
    }

    [Fact]
    public void Boolean_ExpectedNoDocument_NoneSupplied_EarnsFullPoints()
    {
        var system = OneLeaf(Plan, """{ "type": "boolean", "evidence": "plan", "expected": false }""", 2);
        Assert.Equal((2m, ScoreStatus.Scored, "security plan: no document → 2 of 2"), Outcome(system, "{}"));
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
        Assert.Equal((0m, ScoreStatus.MissingEvidence, "IPv6 (ipv6) not supplied"), Outcome(Expected, "{}"));
    }

    [Fact]
    public void Boolean_Invalid_IsAnError_PointingAtTheDiagnostics()
    {
        Assert.Equal((0m, ScoreStatus.Error, "IPv6 (ipv6) is invalid; see the diagnostics"), Outcome(Expected, """{ "ipv6": "yes" }"""));
    }

    [Fact]
    public void Boolean_No_InChinese_SaysWhatWasExpected()
    {
        Assert.Equal("IPv6: 否 (应为是) → 0/2 分", ExplainInChinese(Expected, """{ "ipv6": false }"""));
    }

    [Fact]
    public void Boolean_OnNumericEvidence_IsIE110_NamingTheType()
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "a boolean rule needs boolean or document evidence, but 'rooms' is integer", $"{LeafRule}/evidence")],
            RuleErrors("""{ "key": "rooms", "type": "integer", "title": "rooms" }""", """{ "type": "boolean", "evidence": "rooms" }"""));
    }
}
