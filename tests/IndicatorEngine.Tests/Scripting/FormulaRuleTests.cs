
namespace IndicatorEngine.Tests.Scripting;

/// <summary>Formula rules: what they read, what they return, and how a bad result is reported.</summary>
public class FormulaRuleTests
{
    [Fact]
    public void Formula_ReadsEvidenceByKey_AndScoresLikeTheLinearRule()
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula("clamp(bandwidthMbps / people / 0.7, 0, 1) * points", label: "bandwidth per head"));
        var values = FormulaSystems.Full();
        values["bandwidthMbps"] = 12000;
        values["people"] = 21000;
        var leaf = FormulaSystems.Leaf(system, values: values);
        Assert.Equal(3.27m, leaf.Score);
        Assert.Equal(ScoreStatus.Partial, leaf.Status);
        Assert.Equal("bandwidth per head: bandwidthMbps = 12,000, people = 21,000 → 3.27 of 4", leaf.Explanation);
    }

    [Theory]
    [InlineData("ipv6 ? 2 : 0", "ipv6", true, 2)]
    [InlineData("ipv6 ? 2 : 0", "ipv6", false, 0)]
    [InlineData("tiers(drills, 3, 2, 1, 1)", "drills", 2, 1)]
    [InlineData("tiers(drills, 3, 2, 1, 1)", "drills", 5, 2)]
    [InlineData("ratio(drills, 0, 1.5)", "drills", 1, 1.5)]
    [InlineData("securityPlan ? min(2, points) : 0", "drills", 1, 2)]
    [InlineData("Math.round(drills / 2)", "drills", 5, 2)]
    [InlineData("{ const half = drills / 2; if (half >= 1) { return 2; } return 0.5; }", "drills", 1, 0.5)]
    public void Formula_SeesTypedValues_AndTheHelpers(string expression, string key, object value, double expected)
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula(expression, FormulaSystems.Ipv6));
        var values = FormulaSystems.Full();
        values[key] = value;
        var leaf = FormulaSystems.Leaf(system, "net.ipv6", values);
        Assert.True((decimal)expected == leaf.Score, leaf.Explanation);
    }

    [Theory]
    [InlineData("'three'", "the string \"three\"")]
    [InlineData("drills > 1", "returned true")]
    [InlineData("drills / 0", "Infinity")]
    [InlineData("0 / 0 + drills", "NaN")]
    [InlineData("undefined", "undefined")]
    [InlineData("{ if (drills > 100) return 1; }", "undefined")]
    [InlineData("({ points: 2 })", "an object")]
    public void NonFiniteOrNonNumber_FailsTheLeaf_WithAClearExplanation(string expression, string mention)
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula(expression, FormulaSystems.Ipv6));
        var card = system.Score(FormulaSystems.Evidence()).In(Language.English);
        var leaf = card.Find("net.ipv6")!;
        Assert.Equal(ScoreStatus.Error, leaf.Status);
        Assert.Equal(0m, leaf.Score);
        Assert.Contains(mention, leaf.Explanation);
        Assert.Equal(4m, card.Find("net.bandwidth")!.Score);
    }

    [Theory]
    [InlineData("points * 3", 6)]
    [InlineData("-5", -5)]
    public void ResultOutsideZeroToPoints_IsClamped_WithAnIE301Warning(string expression, double raw)
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula(expression, FormulaSystems.Ipv6));
        var card = system.Score(FormulaSystems.Evidence()).In(Language.English);
        var leaf = card.Find("net.ipv6")!;
        Assert.Equal(raw > 0 ? 2m : 0m, leaf.Score);
        var warning = Assert.Single(card.Diagnostics, d => d.Code == DiagnosticCodes.ScoreClamped);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("net.ipv6", warning.Message);
    }

    [Fact]
    public void MissingValue_MakesTheLeafMissingEvidence_AndIsListed()
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula("ratio(bandwidthMbps, people) >= 0.7 ? points : 0"));
        var values = FormulaSystems.Full();
        values.Remove("people");
        var card = system.Score(FormulaSystems.Evidence(values));
        var leaf = card.Find("net.bandwidth")!;
        Assert.Equal(ScoreStatus.MissingEvidence, leaf.Status);
        Assert.Contains("people", leaf.Explanation);
        Assert.Contains(card.MissingEvidence, m => m.Key == "people" && m.NeededBy.Contains("net.bandwidth"));
    }

    [Fact]
    public void MissingDocument_ReadsAsFalse()
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula("securityPlan ? 2 : 0", FormulaSystems.Ipv6));
        var card = system.Score(IndicatorEngine.SubjectEvidence.Create("s", FormulaSystems.Full(), null, null));
        var leaf = card.Find("net.ipv6")!;
        Assert.Equal(0m, leaf.Score);
        Assert.Equal(ScoreStatus.Scored, leaf.Status);
    }

    [Fact]
    public void EvidenceHoldingJavaScript_IsData_NeverRun()
    {
        var json = FormulaSystems.WithLeafFormula("note.length > 0 ? 2 : 0", FormulaSystems.Ipv6);
        json["evidence"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["key"] = "note", ["type"] = "string" });
        var system = FormulaSystems.Load(json);
        var values = FormulaSystems.Full();
        values["note"] = "\"); globalThis.pwned = 1; while (true) {} (\"";
        var leaf = system.Score(FormulaSystems.Evidence(values)).Find("net.ipv6")!;
        Assert.Equal(2m, leaf.Score);
        Assert.Equal(ScoreStatus.Scored, leaf.Status);
    }
}
