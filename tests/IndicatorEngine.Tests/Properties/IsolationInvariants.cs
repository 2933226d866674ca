using System.Text.Json.Nodes;

namespace IndicatorEngine.Tests.Properties;

/// <summary>A failing formula or a misbehaving plugin scorer fails (or clamps) its own leaf and changes no other.</summary>
public class IsolationInvariants
{
    // Formulas that load but fail when run: a result that is not a number, NaN, a runtime TypeError, a throw.
    private static readonly string[] FailingFormulas = ["0/0", "'text'", "[].x.y", "(() => { throw new Error('boom'); })()"];

    [Invariant]
    public void AFailingFormula_NeverChangesAnyOtherLeafsScore(GeneratedCase c, int pick)
    {
        var (leafId, changed) = Replace(c, pick, new JsonObject { ["type"] = "formula", ["expression"] = FailingFormulas[Math.Abs(pick % FailingFormulas.Length)] });
        var original = c.Load();
        var broken = IndicatorSystem.Parse(changed, "broken.json").GetValueOrThrow();
        AssertOnlyThatLeafDiffers(c, original, broken, leafId, ScoreStatus.Error);
    }

    [Invariant]
    public void APluginThatThrowsOrReturnsGarbage_NeverChangesAnyOtherLeafsScore(GeneratedCase c, int pick)
    {
        var (leafId, changed) = Replace(c, pick, new JsonObject { ["type"] = "plugin", ["scorer"] = "chaos" });
        var options = new LoadOptions { Scorers = new ScorerRegistry([new ChaosScorer(pick)]) };
        var original = c.Load();
        var broken = IndicatorSystem.Parse(changed, "broken.json", options).GetValueOrThrow();
        AssertOnlyThatLeafDiffers(c, original, broken, leafId, expected: null);
    }

    private static (string LeafId, string Json) Replace(GeneratedCase c, int pick, JsonObject rule)
    {
        var definition = JsonNode.Parse(c.DefinitionText)!.AsObject();
        var leaves = new List<JsonObject>();
        void Walk(JsonArray? nodes)
        {
            foreach (var node in nodes ?? [])
            {
                if (node!["rule"] is not null)
                {
                    leaves.Add(node.AsObject());
                }

                Walk(node["children"] as JsonArray);
            }
        }

        Walk(definition["indicators"] as JsonArray);
        var leaf = leaves[Math.Abs(pick % leaves.Count)];
        leaf["rule"] = rule;
        return ((string)leaf["id"]!, definition.ToJsonString());
    }

    private static void AssertOnlyThatLeafDiffers(GeneratedCase c, IndicatorSystem original, IndicatorSystem broken, string leafId, ScoreStatus? expected)
    {
        foreach (var values in c.Subjects.Append(c.Garbage))
        {
            var before = original.Score(c.Evidence(values));
            var after = broken.Score(c.Evidence(values));
            foreach (var leaf in before.ObservationPoints().Where(l => l.Id != leafId))
            {
                var now = after.Find(leaf.Id)!;
                Assert.True(leaf.Score == now.Score && leaf.Status == now.Status, $"{leaf.Id} changed from {leaf.Score} {leaf.Status} to {now.Score} {now.Status}");
            }

            var replaced = after.Find(leafId)!;
            Assert.InRange(replaced.Score, 0m, replaced.Max);
            if (expected is { } status && replaced.Status != ScoreStatus.NotApplicable)
            {
                Assert.Equal(status, replaced.Status);
            }
        }
    }

    /// <summary>A plugin scorer that misbehaves in a way chosen by the seed: throws, or returns far too much or too little.</summary>
    private sealed class ChaosScorer(int seed) : IScorer
    {
        public string Name => "chaos";

        public object? Compile(ScorerSetup setup) => null;

        public ScoreOutcome Score(EvidenceView evidence, object? settings, decimal max) => Math.Abs(seed % 4) switch
        {
            0 => throw new InvalidOperationException("chaos"),
            1 => new ScoreOutcome(max * 1000 + 1, ScoreStatus.Scored, "too much"),
            2 => new ScoreOutcome(-5m, ScoreStatus.Partial, "negative"),
            _ => throw new DivideByZeroException(),
        };
    }
}
