
namespace IndicatorEngine.Plugins.Tests.Scoring;

/// <summary>What a plugin returns is checked, and its explanation is put together only when read.</summary>
public sealed class PluginResultTests
{
    private static IndicatorEngine.IndicatorScore Plug(ScriptedScorer scorer) =>
        PluginSystem.Loaded(new ScorerRegistry([scorer]), """{ "type": "plugin", "scorer": "scripted" }""")
            .Score(PluginSystem.Evidence(95m))
            .Find("plug")!;

    [Fact]
    public void UnknownStatus_FailsThePoint_WithZero()
    {
        var point = Plug(new ScriptedScorer("scripted") { OnScore = (_, _, max) => new ScoreOutcome(max, (ScoreStatus)99, "fine") });
        Assert.Equal((0m, ScoreStatus.Error, "scorer 'scripted' returned an unknown status (99)"), (point.Score, point.Status, point.Explanation));
    }

    [Theory]
    [InlineData(ScoreStatus.Error)]
    [InlineData(ScoreStatus.MissingEvidence)]
    [InlineData(ScoreStatus.NotApplicable)]
    public void FullPointsWithAStatusThatDidNotScore_CountZero(ScoreStatus status)
    {
        var card = PluginSystem.Loaded(new ScorerRegistry([new ScriptedScorer("scripted") { OnScore = (_, _, max) => new ScoreOutcome(max, status, "said full") }]),
            """{ "type": "plugin", "scorer": "scripted" }""").Score(PluginSystem.Evidence(95m));
        var point = card.Find("plug")!;
        Assert.Equal((0m, status, "said full"), (point.Score, point.Status, point.Explanation));
        Assert.Equal(2m, card.Total);
    }

    [Fact]
    public void ExplanationParts_AreFormattedWithNumbersDatesAndTexts()
    {
        var point = Plug(new ScriptedScorer("scripted")
        {
            OnScore = (_, _, max) => new ScoreOutcome(max / 2, ScoreStatus.Scored,
                new Explanation("{0} of {1} on {2}, {{braces}} {3}{4}{5}", 12000.5m, 3, new DateOnly(2025, 9, 1), "text", null, 0.12345m)),
        });
        Assert.Equal("12,000.5 of 3 on 2025-09-01, {braces} text0.1235", point.Explanation);
    }

    [Fact]
    public void ABrokenFormat_IsNotFormattedWhileScoring_AndReadsAsAProblemOfTheScorer()
    {
        var card = PluginSystem.Loaded(new ScorerRegistry([new ScriptedScorer("scripted") { OnScore = (_, _, max) => new ScoreOutcome(max, ScoreStatus.Scored, new Explanation("{9}")) }]),
            """{ "type": "plugin", "scorer": "scripted" }""").Score(PluginSystem.Evidence(95m));

        // Scoring did not touch the format: the score and total are there before any text is read.
        Assert.Equal(6m, card.Total);
        Assert.StartsWith("scorer 'scripted' gave an explanation that cannot be formatted: ", card.Find("plug")!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultExplanation_IsEmpty_AndNamedAfterTheScorer()
    {
        Assert.True(default(Explanation).IsEmpty);
        Assert.Equal("", default(Explanation).ToString());
        var point = Plug(new ScriptedScorer("scripted") { OnScore = (_, _, max) => new ScoreOutcome(max, ScoreStatus.Scored, default) });
        Assert.Equal("scored by 'scripted'", point.Explanation);
    }
}
