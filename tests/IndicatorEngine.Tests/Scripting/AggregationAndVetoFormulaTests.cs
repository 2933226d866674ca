using System.Text.Json.Nodes;
using IndicatorEngine.Tests.Checking;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>Node aggregations and vetoes written as formulas.</summary>
public class AggregationAndVetoFormulaTests
{
    private static JsonObject WithNetAggregation(string expression)
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["aggregation"] = new JsonObject { ["type"] = "formula", ["expression"] = expression };
        return json;
    }

    private static JsonObject WithVeto(string formula)
    {
        var json = MiniSystem.Json();
        json["vetoes"]![0]!["when"] = new JsonObject { ["formula"] = formula };
        return json;
    }

    [Fact]
    public void AggregationFormula_ReadsChildScoresTotalAndPoints()
    {
        var system = FormulaSystems.Load(WithNetAggregation("score(\"net.ipv6\") === 0 ? 0 : min(total, points)"));
        var values = FormulaSystems.Full();
        Assert.Equal(6m, system.Score(FormulaSystems.Evidence(values)).Find("net")!.Score);
        values["ipv6"] = false;
        var net = system.Score(FormulaSystems.Evidence(values)).Find("net")!;
        Assert.Equal(0m, net.Score);
        Assert.Contains("score(\"net.ipv6\") = 0", net.Explanation);
    }

    [Fact]
    public void AggregationFormula_OutsideZeroToPoints_IsClampedWithAWarning()
    {
        var system = FormulaSystems.Load(WithNetAggregation("total * 10"));
        var card = system.Score(FormulaSystems.Evidence());
        Assert.Equal(6m, card.Find("net")!.Score);
        Assert.Contains(card.Diagnostics, d => d.Code == DiagnosticCodes.ScoreClamped && d.Message.Contains("'net'", StringComparison.Ordinal));
    }

    [Fact]
    public void AggregationFormula_ThatFails_FailsItsNodeOnly()
    {
        var system = FormulaSystems.Load(WithNetAggregation("{ while (true) {} return 1; }"));
        var card = system.Score(FormulaSystems.Evidence());
        Assert.Equal(ScoreStatus.Error, card.Find("net")!.Status);
        Assert.Equal(0m, card.Find("net")!.Score);
        Assert.Equal(4m, card.Find("sec")!.Score);
        Assert.Equal(4m, card.Total);
    }

    [Fact]
    public void SystemAggregationFormula_MakesTheTotal()
    {
        var json = MiniSystem.Json();
        json["aggregation"] = new JsonObject { ["type"] = "formula", ["expression"] = "score(\"sec\") < 4 ? 0 : total" };
        var system = FormulaSystems.Load(json);
        Assert.Equal(10m, system.Score(FormulaSystems.Evidence()).Total);
        var values = FormulaSystems.Full();
        values["drills"] = 0;
        Assert.Equal(0m, system.Score(FormulaSystems.Evidence(values)).Total);
    }

    [Theory]
    [InlineData("score(\"sec.plan\")", DiagnosticCodes.UnknownNode)]
    [InlineData("score(points)", DiagnosticCodes.FormulaError)]
    [InlineData("bandwidthMbps / 2", DiagnosticCodes.FormulaError)]
    [InlineData("total +", DiagnosticCodes.FormulaError)]
    public void AggregationFormula_Problems_AreReportedAtItsExpression(string expression, string code)
    {
        var result = FormulaSystems.Parse(WithNetAggregation(expression));
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal("/indicators/0/aggregation/expression", d.Pointer);
    }

    [Fact]
    public void VetoFormula_FiresWhenTrue_AndSaysWhy()
    {
        var system = FormulaSystems.Load(WithVeto("incidents >= 1 || !ipv6"));
        var values = FormulaSystems.Full();
        Assert.False(system.Score(FormulaSystems.Evidence(values)).Vetoed);
        values["ipv6"] = false;
        var card = system.Score(FormulaSystems.Evidence(values)).In(Language.English);
        var hit = Assert.Single(card.Vetoes);
        Assert.Equal("incident", hit.Id);
        Assert.Contains("ipv6 = false", hit.Reason);
        Assert.Equal(Verdict.Failed, card.Verdict);
    }

    [Fact]
    public void VetoFormula_WithMissingEvidence_DoesNotFire_IsUndecided_AndListsTheKey()
    {
        var system = FormulaSystems.Load(WithVeto("incidents >= 1"));
        var values = FormulaSystems.Full();
        values.Remove("incidents");
        var card = system.Score(FormulaSystems.Evidence(values));
        Assert.False(card.Vetoed);
        Assert.Equal(Verdict.Undetermined, card.Verdict);
        Assert.Contains("(incidents) not supplied", Assert.Single(card.In(Language.English).UndecidedVetoes).Reason, StringComparison.Ordinal);
        Assert.Contains(card.MissingEvidence, m => m.Key == "incidents" && m.NeededBy.Contains("incident"));
    }

    [Theory]
    [InlineData("incidents")]
    [InlineData("{ while (true) {} return true; }")]
    public void VetoFormula_ThatFails_IsIE302_AndUndecided(string formula)
    {
        var system = FormulaSystems.Load(WithVeto(formula));
        var card = system.Score(FormulaSystems.Evidence());
        Assert.False(card.Vetoed);
        Assert.Equal(Verdict.Undetermined, card.Verdict);
        Assert.Equal("incident", Assert.Single(card.UndecidedVetoes).Id);
        var d = Assert.Single(card.Diagnostics, d => d.Code == DiagnosticCodes.FormulaFailed);
        Assert.Contains("'incident'", d.Message);
        Assert.Equal(10m, card.Total);
    }

    [Theory]
    [InlineData("incidents >=", DiagnosticCodes.FormulaError)]
    [InlineData("breaches > 0", DiagnosticCodes.UndeclaredEvidence)]
    [InlineData("points > 0", DiagnosticCodes.UndeclaredEvidence)]
    public void VetoFormula_Problems_AreReportedAtTheFormula(string formula, string code)
    {
        var result = FormulaSystems.Parse(WithVeto(formula));
        var d = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal("/vetoes/0/when/formula", d.Pointer);
    }

    [Fact]
    public void FormulaAggregationAndVeto_SurviveTheModelRoundTrip()
    {
        var json = WithNetAggregation("min(total, points)");
        json["vetoes"]![0]!["when"] = new JsonObject { ["formula"] = "incidents > 0" };
        var system = FormulaSystems.Load(json);
        var text = System.Text.Json.JsonSerializer.Serialize(system.Model, IndicatorEngine.Loading.DefinitionReader.ModelOptions);
        var again = IndicatorSystem.Parse(text, "again.json");
        Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics) + "\n" + text);
        Assert.Equal("incidents > 0", again.Value!.Vetoes[0].Formula);
    }
}
