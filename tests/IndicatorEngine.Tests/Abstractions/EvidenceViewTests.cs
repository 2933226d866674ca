using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Abstractions;

/// <summary>What a scorer plugin reads of a list and of documents, as bound from the evidence.</summary>
public class EvidenceViewTests
{
    /// <summary><c>echo</c>: explains the count and text of the key named in its options.</summary>
    private sealed class EchoScorer : Scorer<EchoScorer.Settings>
    {
        public override string Name => "echo";

        protected override Settings? Compile(ScorerSetup setup) =>
            new(setup.Read(setup.Options.GetProperty("key").GetString()!, "/key"));

        protected override ScoreOutcome Score(EvidenceView evidence, Settings settings, decimal max) =>
            evidence.TryGetText(settings.Key, out var text)
                ? new ScoreOutcome(0m, ScoreStatus.Scored, $"{evidence.CountOf(settings.Key)}: {text}")
                : evidence.Unusable(settings.Key);

        public sealed record Settings(EvidenceSlot Key);
    }

    private static string Echo(string key, string values, params string[] documents)
    {
        var json = $$"""
            {
              "id": "echo", "version": "1", "title": { "zh": "回声" }, "points": 1,
              "evidence": [ { "key": "systems", "type": "list", "title": "systems" }, { "key": "plan", "type": "document", "title": "plan" } ],
              "profiles": [ { "id": "all", "title": { "zh": "全部" }, "passThreshold": 0 } ],
              "indicators": [ { "id": "leaf", "title": { "zh": "叶" }, "points": 1, "provenance": "modeled",
                "rule": { "type": "plugin", "scorer": "echo", "options": { "key": "{{key}}" } } } ]
            }
            """;
        var system = IndicatorSystem.Parse(json, "echo.json", new LoadOptions { Scorers = new ScorerRegistry([new EchoScorer()]) }).GetValueOrThrow();
        return system.Score(Subject(values, documents)).Find("leaf")!.Explanation;
    }

    [Fact]
    public void List_ReachesAScorer_AsItsLength_AndItsItemsJoined()
    {
        Assert.Equal("3: OA, LMS, HR", Echo("systems", """{ "systems": [ "OA", "LMS", "HR" ] }"""));
    }

    [Fact]
    public void Documents_ReachAScorer_AsHowMany_AndTheFirstOnesName()
    {
        Assert.Equal("2: plan.pdf", Echo("plan", "{}", "plan", "plan"));
    }
}
