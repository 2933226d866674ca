using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Evaluation;

/// <summary>A veto's tests on one evidence key (equals on each type, the four comparisons, several at once) and the reason it gives.</summary>
public class VetoConditionTests
{
    private const string Catalogue = """
        { "key": "incidents", "type": "integer", "min": 0, "title": "major incidents" },
        { "key": "ratio", "type": "number", "title": "ratio" },
        { "key": "share", "type": "number", "title": "share" },
        { "key": "hub", "type": "boolean", "title": "data hub" },
        { "key": "status", "type": "enum", "values": [ "open", "closed" ], "title": "status" },
        { "key": "since", "type": "date", "title": "since" },
        { "key": "plan", "type": "document", "title": "security plan" }
        """;

    /// <summary>A system with one veto "v" with the condition <paramref name="when"/>.</summary>
    private static IndicatorSystem WithVeto(string when) => Load(
        Catalogue,
        Group("root", 1, Point("leaf", 1, """{ "type": "boolean", "evidence": "hub" }""")),
        1,
        $$""", "vetoes": [ { "id": "v", "title": { "zh": "否决" }, "when": {{when}} } ]""");

    /// <summary>The veto that fired for the evidence, or null.</summary>
    private static VetoHit? Hit(string when, string values, params string[] documents)
    {
        var card = Score(WithVeto(when), values, documents);
        if (card.Vetoed)
        {
            Assert.Equal(Verdict.Failed, card.Verdict);
        }

        return card.Vetoes.SingleOrDefault();
    }

    private static string? Reason(string when, string values, params string[] documents) => Hit(when, values, documents)?.Reason;

    [Fact]
    public void Veto_Hit_CarriesTheVetosIdAndTitle()
    {
        var hit = Hit("""{ "evidence": "incidents", "atLeast": 1 }""", """{ "incidents": 2 }""");
        Assert.Equal(("v", "否决", "major incidents (incidents) = 2 (≥ 1)"), (hit!.Id, hit.Title, hit.Reason));
    }

    [Theory]
    [InlineData("2", "major incidents (incidents) = 2 (= 2)")]
    [InlineData("3", null)]
    public void Veto_EqualsANumber_FiresOnThatNumberOnly(string value, string? reason)
    {
        Assert.Equal(reason, Reason("""{ "evidence": "incidents", "equals": 2 }""", $$"""{ "incidents": {{value}} }"""));
    }

    [Theory]
    [InlineData("closed", "status (status) = closed (= closed)")]
    [InlineData("open", null)]
    public void Veto_EqualsAString_FiresOnThatStringOnly(string value, string? reason)
    {
        Assert.Equal(reason, Reason("""{ "evidence": "status", "equals": "closed" }""", $$"""{ "status": "{{value}}" }"""));
    }

    [Fact]
    public void Veto_EqualsADate_ComparesItsText()
    {
        Assert.Equal("since (since) = 2020-01-31 (= 2020-01-31)", Reason("""{ "evidence": "since", "equals": "2020-01-31" }""", """{ "since": "2020-01-31" }"""));
        Assert.Null(Reason("""{ "evidence": "since", "equals": "2020-01-31" }""", """{ "since": "2020-02-01" }"""));
    }

    [Theory]
    [InlineData("false", "false", "data hub (hub) = false (= false)")]
    [InlineData("false", "true", null)]
    [InlineData("true", "true", "data hub (hub) = true (= true)")]
    [InlineData("true", "false", null)]
    public void Veto_EqualsABoolean_FiresOnThatValueOnly(string equals, string value, string? reason)
    {
        Assert.Equal(reason, Reason($$"""{ "evidence": "hub", "equals": {{equals}} }""", $$"""{ "hub": {{value}} }"""));
    }

    [Fact]
    public void Veto_EqualsTrue_OnADocument_FiresWhenItIsSupplied()
    {
        Assert.Equal("security plan (plan) = document supplied (= true)", Reason("""{ "evidence": "plan", "equals": true }""", "{}", "plan"));
        Assert.Null(Reason("""{ "evidence": "plan", "equals": true }""", "{}"));
    }

    [Fact]
    public void Veto_EqualsFalse_OnADocument_FiresWhenItIsNotSupplied()
    {
        // An unsupplied document is "no document" for boolean rules and formulas alike; a veto on it must not be inert.
        var card = Score(WithVeto("""{ "evidence": "plan", "equals": false }"""), """{ "hub": true }""");
        Assert.Equal("security plan (plan) = no document (= false)", Assert.Single(card.Vetoes).Reason);
        Assert.Equal(Verdict.Failed, card.Verdict);
        Assert.Contains(card.MissingEvidence, m => m.Key == "plan" && m.NeededBy.Contains("v"));
        Assert.Null(Reason("""{ "evidence": "plan", "equals": false }""", "{}", "plan"));
    }

    [Theory]
    [InlineData("0.3", "ratio (ratio) = 0.3 (≤ 0.3)")]
    [InlineData("-2.5", "ratio (ratio) = -2.5 (≤ 0.3)")]
    [InlineData("0.3001", null)]
    public void Veto_AtMost_IncludesTheBound(string value, string? reason)
    {
        Assert.Equal(reason, Reason("""{ "evidence": "ratio", "atMost": 0.3 }""", $$"""{ "ratio": {{value}} }"""));
    }

    [Theory]
    [InlineData("3", "major incidents (incidents) = 3 (> 2)")]
    [InlineData("2", null)]
    public void Veto_GreaterThan_ExcludesTheBound(string value, string? reason)
    {
        Assert.Equal(reason, Reason("""{ "evidence": "incidents", "greaterThan": 2 }""", $$"""{ "incidents": {{value}} }"""));
    }

    [Theory]
    [InlineData("0.4999", "ratio (ratio) = 0.4999 (< 0.5)")]
    [InlineData("0.5", null)]
    public void Veto_LessThan_ExcludesTheBound(string value, string? reason)
    {
        Assert.Equal(reason, Reason("""{ "evidence": "ratio", "lessThan": 0.5 }""", $$"""{ "ratio": {{value}} }"""));
    }

    [Theory]
    [InlineData("3", "ratio (ratio) = 3 (= 3, ≥ 1, ≤ 4, > 2, < 5)")]
    [InlineData("2.5", null)]
    public void Veto_SeveralTests_MustAllHold_AndAreAllNamed(string value, string? reason)
    {
        var when = """{ "evidence": "ratio", "equals": 3, "atLeast": 1, "atMost": 4, "greaterThan": 2, "lessThan": 5 }""";
        Assert.Equal(reason, Reason(when, $$"""{ "ratio": {{value}} }"""));
    }

    [Theory]
    [InlineData("""{ "evidence": "ratio", "atLeast": 1, "lessThan": 5 }""", "0.5")]
    [InlineData("""{ "evidence": "ratio", "atLeast": 1, "lessThan": 5 }""", "5")]
    [InlineData("""{ "evidence": "ratio", "atMost": 4, "greaterThan": 2 }""", "4.5")]
    [InlineData("""{ "evidence": "ratio", "atMost": 4, "greaterThan": 2 }""", "1")]
    public void Veto_SeveralTests_OneFailing_DoesNotFire(string when, string value)
    {
        Assert.Null(Reason(when, $$"""{ "ratio": {{value}} }"""));
    }

    [Fact]
    public void Veto_OnADocumentGivenAsAValue_DoesNotFire()
    {
        // "plan": true is not a document (IE201): the value is invalid, not "no document".
        Assert.Null(Reason("""{ "evidence": "plan", "equals": false }""", """{ "plan": true }"""));
    }

    [Fact]
    public void Veto_OnAnInvalidValue_DoesNotFire()
    {
        Assert.Null(Reason("""{ "evidence": "incidents", "atLeast": 0 }""", """{ "incidents": "many" }"""));
    }

    /// <summary>A system with the vetoes given as JSON objects (ids, titles and conditions).</summary>
    private static IndicatorSystem WithVetoes(params string[] vetoes) => Load(
        Catalogue,
        Group("root", 1, Point("leaf", 1, """{ "type": "boolean", "evidence": "hub" }""")),
        1,
        $$""", "vetoes": [ {{string.Join(", ", vetoes)}} ]""");

    private static (Scorecard Zh, Scorecard En) ScoreBoth(IndicatorSystem system, string values)
    {
        var card = system.Score(Subject(values));
        return (card, card.In(Language.English));
    }

    [Fact]
    public void Veto_Title_IsInTheCardsLanguage_FallingBackToChinese()
    {
        var system = WithVetoes(
            """{ "id": "a", "title": { "zh": "甲否决", "en": "veto A" }, "when": { "evidence": "incidents", "atLeast": 1 } }""",
            """{ "id": "b", "title": { "zh": "乙否决" }, "when": { "evidence": "incidents", "atLeast": 1 } }""");
        var (zh, en) = ScoreBoth(system, """{ "incidents": 1, "hub": true }""");
        Assert.Equal(["甲否决", "乙否决"], zh.Vetoes.Select(v => v.Title));
        Assert.Equal(["veto A", "乙否决"], en.Vetoes.Select(v => v.Title));
    }

    [Fact]
    public void Veto_OnABoolean_ShowsYesNoInChinese_AndTrueFalseInEnglish()
    {
        var (zh, en) = ScoreBoth(WithVeto("""{ "evidence": "hub", "equals": false }"""), """{ "hub": false }""");
        Assert.Equal("data hub (hub) = 否（= 否）", Assert.Single(zh.Vetoes).Reason);
        Assert.Equal("data hub (hub) = false (= false)", Assert.Single(en.Vetoes).Reason);
    }

    [Theory]
    [InlineData("true", "security plan (plan) = 已提供文件（= 是）", "plan")]
    [InlineData("false", "security plan (plan) = 未提供文件（= 否）")]
    public void Veto_OnADocument_SaysInChineseWhetherItWasSupplied(string equals, string reason, params string[] documents)
    {
        var card = WithVeto($$"""{ "evidence": "plan", "equals": {{equals}} }""").Score(Subject("""{ "hub": true }""", documents));
        Assert.Equal(reason, Assert.Single(card.Vetoes).Reason);
    }

    [Fact]
    public void VetoFormula_ThatHolds_SaysSoWithItsValues()
    {
        var (zh, en) = ScoreBoth(WithVeto("""{ "formula": "incidents > 1" }"""), """{ "incidents": 2, "hub": true }""");
        Assert.Equal("incidents > 1 成立（incidents = 2）", Assert.Single(zh.Vetoes).Reason);
        Assert.Equal("incidents > 1 is true (incidents = 2)", Assert.Single(en.Vetoes).Reason);
    }

    [Fact]
    public void VetoFormula_ThatDoesNotHold_OnSuppliedValues_IsDecided()
    {
        var card = Score(WithVeto("""{ "formula": "incidents > 1" }"""), """{ "incidents": 1, "hub": true }""");
        Assert.Empty(card.Vetoes);
        Assert.Empty(card.UndecidedVetoes);
        Assert.NotEqual(Verdict.Undetermined, card.Verdict);
    }

    [Fact]
    public void VetoFormulas_ThatFail_AreEachAnError_AndUndecided()
    {
        var system = WithVetoes(
            """{ "id": "a", "title": { "zh": "甲" }, "when": { "formula": "incidents" } }""",
            """{ "id": "b", "title": { "zh": "乙" }, "when": { "formula": "share" } }""");
        var (zh, en) = ScoreBoth(system, """{ "incidents": 2, "share": 1, "hub": true }""");
        Assert.Equal(
            [
                "veto 'a' could not be checked, so the verdict is undetermined: the formula returned 2, not true or false (incidents = 2)",
                "veto 'b' could not be checked, so the verdict is undetermined: the formula returned 1, not true or false (share = 1)",
            ],
            zh.Diagnostics.Where(d => d.Code == DiagnosticCodes.FormulaFailed).Select(d => d.Message));
        Assert.Equal(
            ["否决条件公式出错（the formula returned 2, not true or false），详见诊断", "否决条件公式出错（the formula returned 1, not true or false），详见诊断"],
            zh.UndecidedVetoes.Select(v => v.Reason));
        Assert.Equal(
            ["its formula failed (the formula returned 2, not true or false); see the diagnostics", "its formula failed (the formula returned 1, not true or false); see the diagnostics"],
            en.UndecidedVetoes.Select(v => v.Reason));
    }

    [Theory]
    [InlineData("""{ "incidents": "many", "share": 1, "hub": true }""", "major incidents (incidents)无效，更正后方可判定", "major incidents (incidents) is invalid; correct it to decide the veto")]
    [InlineData("""{ "share": "x", "hub": true }""", "major incidents (incidents)未提供，share (share)无效，补充并更正后方可判定", "major incidents (incidents) not supplied and share (share) invalid; supply and correct them to decide the veto")]
    [InlineData("""{ "hub": true }""", "share (share)，major incidents (incidents)未提供，补充后方可判定", "share (share), major incidents (incidents) not supplied; supply it to decide the veto")]
    public void VetoFormula_OnMissingOrInvalidValues_IsUndecided_AndSaysWhich(string values, string zhReason, string enReason)
    {
        var (zh, en) = ScoreBoth(WithVeto("""{ "formula": "share + incidents > 3" }"""), values);
        Assert.Empty(zh.Vetoes);
        Assert.Equal(Verdict.Undetermined, zh.Verdict);
        Assert.Equal(zhReason, Assert.Single(zh.UndecidedVetoes).Reason);
        Assert.Equal(enReason, Assert.Single(en.UndecidedVetoes).Reason);
    }
}
