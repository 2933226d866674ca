using IndicatorEngine;

namespace NetworkCoverage.Tests;

/// <summary>The network-coverage scorer, loaded and scored by the engine as a host would.</summary>
public class NetworkCoverageScorerTests
{
    private const string TwoCampuses = """
        { "campuses": [ { "name": "Main", "coverage": "wifiA", "people": "peopleA" }, { "name": "East", "coverage": "wifiB", "people": "peopleB" } ],
          "target": 95, "floor": 60 }
        """;

    private const string Unweighted = """
        { "campuses": [ { "name": "Main", "coverage": "wifiA" }, { "name": "East", "coverage": "wifiB" }, { "name": "West", "coverage": "wifiC" } ] }
        """;

    [Fact]
    public void MeanWeightedByHeadcount_IsScoredLinearlyFromFloorToTarget()
    {
        var point = Score(TwoCampuses, ("wifiA", 98), ("peopleA", 12000), ("wifiB", 80), ("peopleB", 6000));
        Assert.Equal(3.66m, point.Score);
        Assert.Equal(ScoreStatus.Partial, point.Status);
        Assert.Equal("Main 98% (12,000 people), East 80% (6,000 people) → weighted by people 92%, full points at 95%, none at 60% → 3.66 of 4", point.Explanation);
    }

    [Fact]
    public void WithoutHeadcounts_ThePlainMeanIsUsed_AndTheDefaultTargetIs95()
    {
        var point = Score(Unweighted, ("wifiA", 100), ("wifiB", 95), ("wifiC", 90));
        Assert.Equal(4m, point.Score);
        Assert.Equal("Main 100%, East 95%, West 90% → mean 95%, full points at 95%, none at 0% → 4 of 4", point.Explanation);
    }

    [Theory]
    [InlineData(95, 95, 4)]
    [InlineData(100, 100, 4)]
    [InlineData(60, 60, 0)]
    [InlineData(10, 30, 0)]
    public void AtTheTargetFullPoints_AtTheFloorNone(int a, int b, int points)
    {
        var point = Score(TwoCampuses, ("wifiA", a), ("peopleA", 100), ("wifiB", b), ("peopleB", 100));
        Assert.Equal((points, ScoreStatus.Scored), (point.Score, point.Status));
    }

    [Fact]
    public void MoreCoverage_NeverScoresLess()
    {
        var previous = -1m;
        for (var coverage = 0; coverage <= 100; coverage += 5)
        {
            var score = Score(TwoCampuses, ("wifiA", coverage), ("peopleA", 300), ("wifiB", 70), ("peopleB", 100)).Score;
            Assert.True(score >= previous, $"{coverage}% scored {score}, less than {previous}");
            previous = score;
        }
    }

    [Fact]
    public void ACampusWithoutItsFigure_IsMissingEvidence_NamingTheCampus()
    {
        var card = Card(TwoCampuses, ("wifiA", 98), ("peopleA", 12000), ("peopleB", 6000));
        var point = card.Find("wifi")!;
        Assert.Equal((0m, ScoreStatus.MissingEvidence), (point.Score, point.Status));
        Assert.Equal("East: East campus Wi-Fi (wifiB) not supplied", point.Explanation);
        Assert.Equal("wifiB", Assert.Single(card.MissingEvidence).Key);
    }

    [Fact]
    public void NoPeopleOnAnyCampus_IsAnError()
    {
        var point = Score(TwoCampuses, ("wifiA", 98), ("peopleA", 0), ("wifiB", 80), ("peopleB", 0));
        Assert.Equal(ScoreStatus.Error, point.Status);
        Assert.Contains("no campus has any people", point.Explanation);
    }

    [Theory]
    [InlineData("""{ "campuses": [] }""", "/campuses", "list at least one campus")]
    [InlineData("""{ "campuses": [ { "name": "Main", "coverage": "wifiA" } ], "target": 120 }""", "/target", "target must be a percentage")]
    [InlineData("""{ "campuses": [ { "name": "Main", "coverage": "wifiA" } ], "floor": 95 }""", "/floor", "floor must be at least 0 and below the target")]
    [InlineData("""{ "campuses": [ { "name": "Main", "coverage": "wifiA", "people": "peopleA" }, { "name": "East", "coverage": "wifiB" } ] }""", "/campuses/1", "give 'people' for every campus")]
    [InlineData("""{ "campuses": [ { "name": "Main", "coverage": "flag" } ] }""", "/campuses/0/coverage", "reads 'flag' as a number")]
    [InlineData("""{ "campuses": [ { "coverage": "wifiA" } ] }""", "/campuses/0", "missing required properties")]
    [InlineData("""{ "campuses": [ { "name": "Main", "coverage": "wifiA" } ], "goal": 90 }""", "/goal", "could not be mapped")]
    public void BadOptions_AreIE110_AtTheOption(string options, string pointer, string message)
    {
        var d = Assert.Single(Load(options).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.InvalidRule, d.Code);
        Assert.Equal("/indicators/0/rule/options" + pointer, d.Pointer);
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void ACampusKeyNotInTheCatalogue_IsIE104()
    {
        var d = Assert.Single(Load("""{ "campuses": [ { "name": "Main", "coverage": "wifiZ" } ] }""").Diagnostics, d => d.IsError);
        Assert.Equal((DiagnosticCodes.UndeclaredEvidence, "/indicators/0/rule/options/campuses/0/coverage"), (d.Code, d.Pointer));
    }

    private static LoadResult<IndicatorSystem> Load(string options) => IndicatorSystem.Parse($$"""
        {
          "id": "coverage-test", "version": "1", "title": { "zh": "覆盖" }, "points": 4,
          "evidence": [
            { "key": "wifiA", "type": "number", "min": 0, "max": 100, "title": "Main campus Wi-Fi" },
            { "key": "wifiB", "type": "number", "min": 0, "max": 100, "title": "East campus Wi-Fi" },
            { "key": "wifiC", "type": "number", "min": 0, "max": 100, "title": "West campus Wi-Fi" },
            { "key": "peopleA", "type": "integer", "min": 0 },
            { "key": "peopleB", "type": "integer", "min": 0 },
            { "key": "flag", "type": "boolean" }
          ],
          "profiles": [ { "id": "any", "title": { "zh": "全部" }, "passThreshold": 2 } ],
          "indicators": [
            { "id": "wifi", "title": { "zh": "无线覆盖" }, "points": 4, "provenance": "modeled",
              "rule": { "type": "plugin", "scorer": "network-coverage", "options": {{options}} } }
          ]
        }
        """, "coverage-test.json", new LoadOptions { Scorers = new ScorerRegistry([new NetworkCoverageScorer()]) });

    private static Scorecard Card(string options, params (string Key, object Value)[] values) =>
        Load(options).GetValueOrThrow().Score(SubjectEvidence.Create("school", values.ToDictionary(v => v.Key, v => (object?)v.Value)));

    private static IndicatorScore Score(string options, params (string Key, object Value)[] values) => Card(options, values).Find("wifi")!;
}
