using System.Text.Json.Nodes;
using IndicatorEngine.Tests.Checking;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>
/// An aggregation formula that fails, at any level, is an error on the scorecard (IE302) naming the node; when
/// the system's own aggregation fails the total is 0 and the card does not pass. Nothing fails silently.
/// </summary>
public class AggregationFailureTests
{
    private static IndicatorSystem WithAggregation(string? net, string? system)
    {
        var json = MiniSystem.Json();
        if (net is not null)
        {
            json["indicators"]![0]!["aggregation"] = new JsonObject { ["type"] = "formula", ["expression"] = net };
        }

        if (system is not null)
        {
            json["aggregation"] = new JsonObject { ["type"] = "formula", ["expression"] = system };
        }

        return FormulaSystems.Load(json);
    }

    private static List<Diagnostic> Failures(Scorecard card) => card.Diagnostics.Where(d => d.Code == DiagnosticCodes.FormulaFailed).ToList();

    [Theory]
    [InlineData("{ if (total >= 0) throw new Error('no'); return 1; }", "the formula threw: no")]
    [InlineData("total / 0 - Infinity", "not a finite number")]
    [InlineData("{ while (true) {} return 1; }", "statements")]
    public void AFailingNodeAggregation_IsAnErrorNamingTheNode(string expression, string why)
    {
        var card = WithAggregation(expression, null).Score(FormulaSystems.Evidence());
        var d = Assert.Single(Failures(card));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("'net'", d.Message, StringComparison.Ordinal);
        Assert.Contains(why, d.Message, StringComparison.Ordinal);
        Assert.Equal(ScoreStatus.Error, card.Find("net")!.Status);

        // The other branch and every leaf score as they would alone.
        var alone = MiniSystem.Load().Score(FormulaSystems.Evidence());
        Assert.Equal(alone.Find("sec")!.Score, card.Find("sec")!.Score);
        Assert.Equal(alone.ObservationPoints().Select(p => (p.Id, p.Score, p.Status)), card.ObservationPoints().Select(p => (p.Id, p.Score, p.Status)));
        Assert.Equal(4m, card.Total);
    }

    [Theory]
    [InlineData("{ if (total >= 0) throw new Error('no'); return 1; }", "the formula threw: no")]
    [InlineData("score('net') / 0 * 0", "not a finite number")]
    [InlineData("{ while (true) {} return 1; }", "statements")]
    public void AFailingSystemAggregation_IsAnError_AndTheVerdictIsUndetermined(string expression, string why)
    {
        var card = WithAggregation(null, expression).Score(FormulaSystems.Evidence());
        var d = Assert.Single(Failures(card));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("system's aggregation formula failed", d.Message, StringComparison.Ordinal);
        Assert.Contains(why, d.Message, StringComparison.Ordinal);
        Assert.Equal("/aggregation", d.Pointer);
        Assert.Equal(0m, card.Total);
        Assert.Equal(Verdict.Undetermined, card.Verdict);

        // The leaves and groups are scored as without the system formula.
        var alone = MiniSystem.Load().Score(FormulaSystems.Evidence());
        Assert.Equal(alone.Indicators.SelectMany(i => i.DescendantsAndSelf()).Select(s => (s.Id, s.Score, s.Status)),
            card.Indicators.SelectMany(i => i.DescendantsAndSelf()).Select(s => (s.Id, s.Score, s.Status)));
        Assert.Equal(Verdict.Passed, alone.Verdict);
    }

    [Fact]
    public void ASystemAggregationThatGivesZero_StillGivesAVerdict_WithoutAnError()
    {
        var card = WithAggregation(null, "0").Score(FormulaSystems.Evidence());
        Assert.Empty(Failures(card));
        Assert.Equal(0m, card.Total);
        Assert.Equal(Verdict.Failed, card.Verdict);
    }

    [Fact]
    public void AggregationsThatWork_AddNoDiagnostic()
    {
        var card = WithAggregation("min(total, points)", "total").Score(FormulaSystems.Evidence());
        Assert.Empty(Failures(card));
        Assert.Equal(10m, card.Total);
        Assert.Equal(Verdict.Passed, card.Verdict);
    }

    [Fact]
    public void TheFailure_SurvivesTheScorecardJson()
    {
        var card = WithAggregation("{ if (total >= 0) throw new Error('no'); return 1; }", "{ if (total >= 0) throw new Error('no'); return 1; }").Score(FormulaSystems.Evidence());
        var again = ScorecardJson.Parse(ScorecardJson.ToJson(card), "card.json").GetValueOrThrow();
        Assert.Equal(2, Failures(again).Count);
        Assert.Equal(Verdict.Undetermined, again.Verdict);
    }
}
