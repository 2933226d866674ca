using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Rules;

/// <summary>The tiers rule: numeric bands and bands that equal a value, named by their label or their bound.</summary>
public class TiersScorerTests
{
    private const string Catalogue = """
        { "key": "drills", "type": "integer", "min": 0, "title": "drills a year" },
        { "key": "bw", "type": "number", "unit": "Mbps", "title": "exit bandwidth" },
        { "key": "backbone", "type": "enum", "values": [ "1G", "10G", "10G-redundant" ], "title": "backbone" },
        { "key": "vendor", "type": "string", "title": "vendor" },
        { "key": "wifi", "type": "boolean", "title": "campus Wi-Fi" }
        """;

    private static readonly IndicatorSystem Drills = OneLeaf(Catalogue, """
        { "type": "tiers", "evidence": "drills", "bands": [
          { "atLeast": 12, "points": 3, "label": "monthly" }, { "atLeast": 4, "points": 2 }, { "atLeast": 1, "points": 1 } ] }
        """, 3);

    private static readonly IndicatorSystem Backbone = OneLeaf(Catalogue, """
        { "type": "tiers", "evidence": "backbone", "bands": [
          { "equals": "10G-redundant", "points": 3, "label": "redundant 10G" }, { "equals": "10G", "points": 2 } ] }
        """, 3);

    [Theory]
    [InlineData("12", 3, ScoreStatus.Scored, "drills a year 12, band monthly → 3 of 3")]
    [InlineData("11", 2, ScoreStatus.Partial, "drills a year 11, band ≥ 4 → 2 of 3")]
    [InlineData("4", 2, ScoreStatus.Partial, "drills a year 4, band ≥ 4 → 2 of 3")]
    [InlineData("1", 1, ScoreStatus.Partial, "drills a year 1, band ≥ 1 → 1 of 3")]
    public void Tiers_Numeric_FirstBandReached_NamedByLabelOrBound(string value, int score, ScoreStatus status, string explanation)
    {
        Assert.Equal(((decimal)score, status, explanation), Outcome(Drills, $$"""{ "drills": {{value}} }"""));
    }

    [Fact]
    public void Tiers_Numeric_NoBandReached_ScoresZero_InNoBand()
    {
        Assert.Equal((0m, ScoreStatus.Scored, "drills a year 0, in no band → 0 of 3"), Outcome(Drills, """{ "drills": 0 }"""));
    }

    [Fact]
    public void Tiers_Numeric_ShowsTheUnit_AndReadsAMeasure()
    {
        var system = OneLeaf(Catalogue, """
            { "type": "tiers", "evidence": "bw", "per": "drills", "bands": [ { "atLeast": 1000.5, "points": 2 } ] }
            """, 2);
        Assert.Equal("exit bandwidth 3,000 Mbps for 2 = 1,500, band ≥ 1,000.5 → 2 of 2", ScoreLeaf(system, """{ "bw": 3000, "drills": 2 }""").Explanation);
        Assert.Equal("drills a year is 0, so exit bandwidth per drills a year cannot be computed", ScoreLeaf(system, """{ "bw": 3000, "drills": 0 }""").Explanation);
        Assert.Equal(["drills"], Score(system, """{ "bw": 3000 }""").MissingEvidence.Select(m => m.Key));
    }

    [Fact]
    public void Tiers_Numeric_Missing_IsMissingEvidence()
    {
        Assert.Equal((0m, ScoreStatus.MissingEvidence, "drills a year (drills) not supplied"), Outcome(Drills, "{}"));
    }

    [Theory]
    [InlineData("10G-redundant", 3, ScoreStatus.Scored, "backbone 10G-redundant, band redundant 10G → 3 of 3")]
    [InlineData("10G", 2, ScoreStatus.Partial, "backbone 10G, band 10G → 2 of 3")]
    [InlineData("1G", 0, ScoreStatus.Scored, "backbone 1G, in no band → 0 of 3")]
    public void Tiers_Equals_MatchesTheValue_NamedByLabelOrValue(string value, int score, ScoreStatus status, string explanation)
    {
        Assert.Equal(((decimal)score, status, explanation), Outcome(Backbone, $$"""{ "backbone": "{{value}}" }"""));
    }

    [Fact]
    public void Tiers_Equals_TwoBandsForOneValue_TheFirstWins()
    {
        var system = OneLeaf(Catalogue, """{ "type": "tiers", "evidence": "vendor", "bands": [ { "equals": "Acme", "points": 2 }, { "equals": "Acme", "points": 1, "label": "again" } ] }""", 2);
        Assert.Equal("vendor Acme, band Acme → 2 of 2", ScoreLeaf(system, """{ "vendor": "Acme" }""").Explanation);
    }

    [Fact]
    public void Tiers_Equals_OnAString_MatchesExactly()
    {
        var system = OneLeaf(Catalogue, """{ "type": "tiers", "evidence": "vendor", "bands": [ { "equals": "Acme", "points": 1 } ] }""", 1);
        Assert.Equal("vendor Acme, band Acme → 1 of 1", ScoreLeaf(system, """{ "vendor": "Acme" }""").Explanation);
        Assert.Equal("vendor acme, in no band → 0 of 1", ScoreLeaf(system, """{ "vendor": "acme" }""").Explanation);
    }

    [Theory]
    [InlineData("""{}""", ScoreStatus.MissingEvidence, "backbone (backbone) not supplied")]
    [InlineData("""{ "backbone": "5G" }""", ScoreStatus.Error, "backbone (backbone) is invalid; see the diagnostics")]
    public void Tiers_Equals_MissingOrInvalid_NamesTheKey(string values, ScoreStatus status, string explanation)
    {
        Assert.Equal((0m, status, explanation), Outcome(Backbone, values));
    }

    [Fact]
    public void Tiers_Equals_OnABoolean_SaysYesOrNo()
    {
        var system = OneLeaf(Catalogue, """{ "type": "tiers", "evidence": "wifi", "bands": [ { "equals": true, "points": 2, "label": "covered" } ] }""", 2);
        Assert.Equal("campus Wi-Fi yes, band covered → 2 of 2", ScoreLeaf(system, """{ "wifi": true }""").Explanation);
        Assert.Equal("campus Wi-Fi no, in no band → 0 of 2", ScoreLeaf(system, """{ "wifi": false }""").Explanation);
    }

    [Fact]
    public void Tiers_BooleanBandWithoutLabel_IsNamedYesOrNo_NotTrueOrFalse()
    {
        var system = OneLeaf(Catalogue, """{ "type": "tiers", "evidence": "wifi", "bands": [ { "equals": true, "points": 2 }, { "equals": false, "points": 1 } ] }""", 2);
        Assert.Equal("campus Wi-Fi yes, band yes → 2 of 2", ScoreLeaf(system, """{ "wifi": true }""").Explanation);
        Assert.Equal("campus Wi-Fi no, band no → 1 of 2", ScoreLeaf(system, """{ "wifi": false }""").Explanation);
    }

    [Fact]
    public void Tiers_NoBandReached_InChinese_SaysInNoBand()
    {
        Assert.Equal("drills a year 0，不在任何档位 → 0/3 分", ExplainInChinese(Drills, """{ "drills": 0 }"""));
    }

    [Fact]
    public void Tiers_UndeclaredEvidenceOrPer_IsIE104_AtItsPointer()
    {
        Assert.Equal(
            [
                (DiagnosticCodes.UndeclaredEvidence, "evidence key 'drill' is not declared; add it to the 'evidence' catalogue or fix the spelling", $"{LeafRule}/evidence"),
                (DiagnosticCodes.UndeclaredEvidence, "evidence key 'staff' is not declared; add it to the 'evidence' catalogue or fix the spelling", $"{LeafRule}/per"),
            ],
            RuleErrors(Catalogue, """{ "type": "tiers", "evidence": "drill", "per": "staff", "bands": [ { "atLeast": 1, "points": 1 } ] }"""));
    }

    [Fact]
    public void Tiers_PerOnNonNumericEvidence_IsIE110_EvenForEqualsBands()
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "'per' needs number or integer evidence, but 'wifi' is boolean", $"{LeafRule}/per")],
            RuleErrors(Catalogue, """{ "type": "tiers", "evidence": "vendor", "per": "wifi", "bands": [ { "equals": "Acme", "points": 1 } ] }"""));
    }

    [Theory]
    [InlineData("""{ "points": 1, "label": "neither" }""")]
    [InlineData("""{ "points": 9, "label": "neither, and too many points" }""")]
    [InlineData("""{ "atLeast": 1, "equals": "Acme", "points": 1 }""")]
    public void Tiers_BandWithNeitherOrBothOfAtLeastAndEquals_IsIE110_AndNothingElseIsCheckedOnIt(string band)
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "a band needs exactly one of 'atLeast' or 'equals'", $"{LeafRule}/bands/1")],
            RuleErrors(Catalogue, $$"""{ "type": "tiers", "evidence": "drills", "bands": [ { "atLeast": 4, "points": 2 }, {{band}} ] }"""));
    }

    [Fact]
    public void Tiers_BandPointsAboveTheLeafs_IsIE110_AtThePoints()
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "band points 3.5 exceed the observation point's 3", $"{LeafRule}/bands/1/points")],
            RuleErrors(Catalogue, """{ "type": "tiers", "evidence": "drills", "bands": [ { "atLeast": 9, "points": 3 }, { "atLeast": 4, "points": 3.5 } ] }""", 3));
    }

    [Fact]
    public void Tiers_AtLeastBandOnNonNumericEvidence_IsIE110_NamingTheType()
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "an 'atLeast' band needs numeric evidence, but 'backbone' is enum", $"{LeafRule}/bands/0")],
            RuleErrors(Catalogue, """{ "type": "tiers", "evidence": "backbone", "bands": [ { "atLeast": 1, "points": 1 } ] }"""));
    }

    [Theory]
    [InlineData("1, 4")]
    [InlineData("4, 4")]
    public void Tiers_AtLeastBandsNotFromTheHighestDown_IsIE110_AtTheBound(string bounds)
    {
        var atLeast = bounds.Split(", ");
        var rule = $$"""{ "type": "tiers", "evidence": "drills", "bands": [ { "atLeast": {{atLeast[0]}}, "points": 1 }, { "atLeast": {{atLeast[1]}}, "points": 2 } ] }""";
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "'atLeast' bands must be listed from the highest down", $"{LeafRule}/bands/1/atLeast")],
            RuleErrors(Catalogue, rule));
    }

    [Theory]
    [InlineData("backbone", "\"100G\"", "band value \"100G\" cannot match evidence 'backbone' (enum: 1G, 10G, 10G-redundant)")]
    [InlineData("backbone", "true", "band value true cannot match evidence 'backbone' (enum: 1G, 10G, 10G-redundant)")]
    [InlineData("vendor", "false", "band value false cannot match evidence 'vendor' (string)")]
    [InlineData("wifi", "\"yes\"", "band value \"yes\" cannot match evidence 'wifi' (boolean)")]
    public void Tiers_EqualsBandThatCannotMatchTheEvidence_IsIE110_NamingTheType(string key, string value, string message)
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, message, $"{LeafRule}/bands/0/equals")],
            RuleErrors(Catalogue, $$"""{ "type": "tiers", "evidence": "{{key}}", "bands": [ { "equals": {{value}}, "points": 1 } ] }"""));
    }

    [Fact]
    public void Tiers_EqualsBandOnNumericEvidence_IsIE110()
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "band value \"12\" cannot match evidence 'drills' (integer)", $"{LeafRule}/bands/0/equals")],
            RuleErrors(Catalogue, """{ "type": "tiers", "evidence": "drills", "bands": [ { "equals": "12", "points": 1 } ] }"""));
    }

    [Fact]
    public void Tiers_WithoutBands_IsASchemaViolation_AndNeverBound()
    {
        var errors = RuleErrors(Catalogue, """{ "type": "tiers", "evidence": "drills" }""");
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.SchemaViolation, e.Code));
    }
}
