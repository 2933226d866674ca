using System.Text.Json;
using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Reporting;

/// <summary>The trace of <c>indicator explain</c>: clamping, extension items, points that do not apply, and the JSON shape.</summary>
public class ScoreTraceTests
{
    private const string Catalogue = """
        { "key": "x", "type": "number", "min": 0, "max": 100, "title": "x value" },
        { "key": "flag", "type": "boolean", "title": "flag" }
        """;

    private static readonly IndicatorSystem System = Load(
        Catalogue,
        Group("root", 6, string.Join(", ",
            Point("doubled", 4, """{ "type": "formula", "expression": "x * 2" }"""),
            Point("flagged", 2, """{ "type": "boolean", "evidence": "flag" }"""),
            Point("extra", 1, """{ "type": "boolean", "evidence": "flag" }""", ", \"bonus\": true")), ", \"bonusPoints\": 1"),
        6,
        notApplicable: "flagged");

    [Fact]
    public void AClampedResult_IsShownWithItsRawNumber()
    {
        var card = Score(System, """{ "x": 5, "flag": true }""");

        var text = ScoreTrace.ToText(card, "doubled");

        Assert.Contains("read: x value (x) = 5\n", text, StringComparison.Ordinal);
        Assert.Contains("clamped: the result 10 lies outside 0 to 4", text, StringComparison.Ordinal);
        Assert.Contains("score: 4 of 4 (scored)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AResultRoundingChanged_IsShownWithTheRulesOwnNumber()
    {
        var system = OneLeaf(Catalogue, """{ "type": "formula", "expression": "x / 3" }""");
        var card = Score(system, """{ "x": 1 }""");

        Assert.Contains("rounded: the rule gave 0.333333333333333, kept to 2 decimal places (half away from zero)\n  score: 0.33 of 4", ScoreTrace.ToText(card, "leaf"), StringComparison.Ordinal);
        Assert.DoesNotContain("rounded:", ScoreTrace.ToText(Score(system, """{ "x": 3 }"""), "leaf"), StringComparison.Ordinal);
    }

    [Fact]
    public void AGroup_ShowsItsCap_ItsParts_AndItsExtensionItems()
    {
        var text = ScoreTrace.ToText(Score(System, """{ "x": 1, "flag": true }"""), "root");

        Assert.Contains("aggregation: sum, at most 6 (extension items on top)", text, StringComparison.Ordinal);
        Assert.Contains("    doubled 2 of 4\n", text, StringComparison.Ordinal);
        Assert.Contains("    extra 1 of 1 (extension)\n", text, StringComparison.Ordinal);
        Assert.Contains("extension items add at most 1", text, StringComparison.Ordinal);
        Assert.Contains("observation point extra extra (1 points, extension item)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void APointThatDoesNotApply_SaysSo_AndReadsNothing()
    {
        var card = System.Score(Subject("""{ "x": 1, "flag": true }"""), "reduced").In(Language.English);

        Assert.Contains("not applicable to this profile → 0", ScoreTrace.ToText(card, "flagged"), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ScoreTrace.ToJson(card, "flagged"));
        var node = json.RootElement.GetProperty("nodes")[0];
        Assert.Equal("not-applicable", node.GetProperty("status").GetString());
        Assert.False(node.TryGetProperty("rule", out _));
        Assert.False(json.RootElement.TryGetProperty("verdict", out _));
    }

    [Fact]
    public void Json_HasTheUnclampedNumber_TheParts_AndTheVerdict()
    {
        using var json = JsonDocument.Parse(ScoreTrace.ToJson(Score(System, """{ "x": 5, "flag": false }"""), null));
        var nodes = json.RootElement.GetProperty("nodes");

        Assert.Equal(["root", "doubled", "flagged", "extra"], nodes.EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.Equal(10m, nodes[1].GetProperty("unclamped").GetDecimal());
        Assert.Equal("sum", nodes[0].GetProperty("aggregation").GetString());
        Assert.Equal(3, nodes[0].GetProperty("parts").GetArrayLength());
        Assert.Equal(("x", "supplied", 5m), (nodes[1].GetProperty("reads")[0].GetProperty("key").GetString(), nodes[1].GetProperty("reads")[0].GetProperty("state").GetString(), nodes[1].GetProperty("reads")[0].GetProperty("value").GetDecimal()));
        Assert.Equal(4m, json.RootElement.GetProperty("verdict").GetProperty("total").GetDecimal());
    }
}
