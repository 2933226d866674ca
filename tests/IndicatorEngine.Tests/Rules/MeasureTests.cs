using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Rules;

/// <summary>
/// The measure a threshold, linear or tiers rule reads: evidence × scale ÷ per, described with its label and
/// unit; and the explanations when it cannot be read.
/// </summary>
public class MeasureTests
{
    private const string Catalogue = """
        { "key": "gbps", "type": "number", "unit": "Gbps", "title": "exit bandwidth" },
        { "key": "people", "type": "integer", "unit": "people", "title": "headcount" },
        { "key": "rooms", "type": "integer", "title": "rooms" }
        """;

    private static IndicatorSystem Linear(string measure) =>
        OneLeaf(Catalogue, $$"""{ "type": "linear", "evidence": "gbps", "target": 1{{measure}} }""");

    [Fact]
    public void Measure_Plain_ShowsTheValueWithTheEvidenceUnit_ToFourDecimals()
    {
        Assert.Equal("exit bandwidth 0.1235 Gbps, target 1 → 0.49 of 4", ScoreLeaf(Linear(""), """{ "gbps": 0.12345 }""").Explanation);
    }

    [Fact]
    public void Measure_LabelAndUnit_ReplaceTheEvidenceTitleAndUnit()
    {
        Assert.Equal("uplink 0.5 G, target 1 → 2 of 4", ScoreLeaf(Linear(""", "label": "uplink", "unit": "G" """), """{ "gbps": 0.5 }""").Explanation);
    }

    [Fact]
    public void Measure_Scaled_DropsTheEvidenceUnit_WhichNoLongerFits()
    {
        Assert.Equal("exit bandwidth 250, target 1,000 → 1 of 4", ScoreLeaf(OneLeaf(Catalogue, """{ "type": "linear", "evidence": "gbps", "scale": 1000, "target": 1000 }"""), """{ "gbps": 0.25 }""").Explanation);
    }

    [Fact]
    public void Measure_Scaled_WithItsOwnUnit_ShowsIt()
    {
        Assert.Equal("exit bandwidth 250 Mbps, target 1,000 → 1 of 4", ScoreLeaf(OneLeaf(Catalogue, """{ "type": "linear", "evidence": "gbps", "scale": 1000, "unit": "Mbps", "target": 1000 }"""), """{ "gbps": 0.25 }""").Explanation);
    }

    [Fact]
    public void Measure_PerHead_ShowsBothValuesWithTheirUnits_AndTheQuotient()
    {
        var system = OneLeaf(Catalogue, """{ "type": "linear", "evidence": "gbps", "per": "people", "scale": 1000, "unit": "Mbps/head", "target": 1 }""");
        var leaf = ScoreLeaf(system, """{ "gbps": 10, "people": 12000 }""");
        Assert.Equal((3.33m, "exit bandwidth 10 Gbps for 12,000 people = 0.83 Mbps/head, target 1 → 3.33 of 4"), (leaf.Score, leaf.Explanation));
    }

    [Fact]
    public void Measure_PerHead_WithoutUnits_ShowsBareNumbers()
    {
        var system = OneLeaf(Catalogue, """{ "type": "linear", "evidence": "rooms", "per": "rooms", "target": 2 }""");
        Assert.Equal("rooms 3 for 3 = 1, target 2 → 2 of 4", ScoreLeaf(system, """{ "rooms": 3 }""").Explanation);
    }

    [Fact]
    public void Measure_PerZero_IsAnError_SayingWhyItCannotBeComputed()
    {
        var system = OneLeaf(Catalogue, """{ "type": "linear", "evidence": "gbps", "per": "people", "label": "bandwidth", "target": 1 }""");
        Assert.Equal((0m, ScoreStatus.Error, "headcount is 0, so bandwidth per headcount cannot be computed"), Outcome(system, """{ "gbps": 10, "people": 0 }"""));
    }

    [Theory]
    [InlineData("""{ "people": 100 }""", ScoreStatus.MissingEvidence, "exit bandwidth (gbps) not supplied")]
    [InlineData("""{ "gbps": 10 }""", ScoreStatus.MissingEvidence, "headcount (people) not supplied")]
    [InlineData("""{ "gbps": "ten", "people": 100 }""", ScoreStatus.Error, "exit bandwidth (gbps) is invalid; see the diagnostics")]
    [InlineData("""{ "gbps": 10, "people": 1.5 }""", ScoreStatus.Error, "headcount (people) is invalid; see the diagnostics")]
    public void Measure_ValueOrPerMissingOrInvalid_NamesWhichKey(string values, ScoreStatus status, string explanation)
    {
        var system = OneLeaf(Catalogue, """{ "type": "threshold", "evidence": "gbps", "per": "people", "atLeast": 1 }""");
        Assert.Equal((0m, status, explanation), Outcome(system, values));
    }

    [Theory]
    [InlineData("""{ "gbps": 10 }""", "headcount (people) 未提供")]
    [InlineData("""{ "gbps": 10, "people": 1.5 }""", "headcount (people) 无效，详见诊断信息")]
    public void Measure_ValueOrPerMissingOrInvalid_IsExplainedInChinese(string values, string explanation)
    {
        var system = OneLeaf(Catalogue, """{ "type": "threshold", "evidence": "gbps", "per": "people", "atLeast": 1 }""");
        Assert.Equal(explanation, system.Score(Subject(values)).Find("leaf")!.Explanation);
    }

    [Fact]
    public void Measure_PerMissing_IsListedAsMissingEvidence()
    {
        var system = OneLeaf(Catalogue, """{ "type": "threshold", "evidence": "gbps", "per": "people", "atLeast": 1 }""");
        var missing = Assert.Single(Score(system, """{ "gbps": 10 }""").MissingEvidence);
        Assert.Equal(("people", "headcount", "leaf"), (missing.Key, missing.Title, string.Join(",", missing.NeededBy)));
    }

    [Fact]
    public void Measure_TooLargeForADecimal_FailsOnlyItsLeaf_WithTheReason()
    {
        // 1e19 × 1e10 overflows decimal (checked arithmetic): the rule fails, the scorecard is still made.
        var system = OneLeaf(Catalogue, """{ "type": "linear", "evidence": "gbps", "scale": 10000000000, "target": 1 }""");
        var leaf = ScoreLeaf(system, """{ "gbps": 1e19 }""");
        Assert.Equal((0m, ScoreStatus.Error), (leaf.Score, leaf.Status));
        Assert.StartsWith("the rule failed: OverflowException: ", leaf.Explanation, StringComparison.Ordinal);
        Assert.StartsWith("规则执行失败：OverflowException: ", system.Score(Subject("""{ "gbps": 1e19 }""")).Find("leaf")!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_PerZero_InChinese_SaysItCannotBeComputed()
    {
        Assert.Equal("rooms为 0，无法按rooms计算exit bandwidth", ExplainInChinese(Linear(""", "per": "rooms" """), """{ "gbps": 3, "rooms": 0 }"""));
    }

    private const string Counted = """
        { "key": "staff", "type": "integer", "unit": { "zh": "人", "en": "persons" }, "title": "IT staff" },
        { "key": "heads", "type": "integer", "unit": { "zh": "人" }, "title": "headcount" }
        """;

    [Fact]
    public void Measure_UnitInTwoLanguages_FollowsTheScorecardsLanguage()
    {
        var system = OneLeaf(Counted, """{ "type": "linear", "evidence": "staff", "target": 10 }""");
        Assert.Equal("IT staff 5 persons, target 10 → 2 of 4", ScoreLeaf(system, """{ "staff": 5 }""").Explanation);
        Assert.StartsWith("IT staff 5 人，", ExplainInChinese(system, """{ "staff": 5 }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_UnitWithoutEnglish_ShowsTheChineseInEnglishToo()
    {
        var system = OneLeaf(Counted, """{ "type": "linear", "evidence": "heads", "target": 10 }""");
        Assert.Equal("headcount 5 人, target 10 → 2 of 4", ScoreLeaf(system, """{ "heads": 5 }""").Explanation);
    }

    [Fact]
    public void Measure_PerHead_EveryUnitFollowsTheLanguage()
    {
        var system = OneLeaf(Counted, """{ "type": "linear", "evidence": "staff", "per": "heads", "scale": 1000, "unit": { "zh": "人/千人", "en": "per 1000" }, "target": 1 }""");
        Assert.Equal("IT staff 3 persons for 2,000 人 = 1.5 per 1000, target 1 → 4 of 4", ScoreLeaf(system, """{ "staff": 3, "heads": 2000 }""").Explanation);
        Assert.StartsWith("IT staff 3 人 ÷ 2,000 人 = 1.5 人/千人", ExplainInChinese(system, """{ "staff": 3, "heads": 2000 }"""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("{ \"en\": \"persons\" }")]
    [InlineData("{ \"zh\": \"\" }")]
    [InlineData("{ \"zh\": \"人\", \"fr\": \"personnes\" }")]
    [InlineData("12")]
    public void Unit_NeitherAStringNorChineseWithOptionalEnglish_IsRejectedAtItsPlace(string unit)
    {
        var errors = RuleErrors(Catalogue, $$"""{ "type": "linear", "evidence": "gbps", "target": 1, "unit": {{unit}} }""");
        Assert.Contains(errors, e => e.Pointer.StartsWith(LeafRule + "/unit", StringComparison.Ordinal));
    }
}
