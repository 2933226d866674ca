using System.Text.Json.Nodes;

namespace IndicatorEngine.Tests.Properties;

/// <summary>Invariants of scoring that must hold for every valid system and every evidence.</summary>
public class ScoringInvariants
{
    [Invariant]
    public void GeneratedSystems_AlwaysLoad(GeneratedCase c)
    {
        var result = IndicatorSystem.Parse(c.DefinitionText, "generated.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Invariant]
    public void EveryLeafScore_LiesBetweenZeroAndMax_EvenForGarbageEvidence(GeneratedCase c)
    {
        var system = c.Load();
        foreach (var values in c.Subjects.Append(c.Garbage))
        {
            foreach (var profile in new[] { "p1", "p2" })
            {
                var card = system.Score(c.Evidence(values), profile);
                foreach (var leaf in card.ObservationPoints())
                {
                    Assert.InRange(leaf.Score, 0m, leaf.Max);
                }
            }
        }
    }

    [Invariant]
    public void EveryNodeScore_EqualsTheAggregationOfItsChildren(GeneratedCase c)
    {
        var system = c.Load();
        var definitions = Index(c.Definition);
        foreach (var values in c.Subjects.Append(c.Garbage))
        {
            var card = system.Score(c.Evidence(values), "p2");
            foreach (var node in card.Indicators.SelectMany(i => i.DescendantsAndSelf()).Where(n => n.Children.Count > 0))
            {
                var definition = definitions[node.Id];
                if (node.Status == ScoreStatus.NotApplicable)
                {
                    Assert.Equal(0m, node.Score);
                    continue;
                }

                Assert.Equal(Aggregate(definition, node.Children, definitions, node.Max), node.Score);
            }

            var top = new JsonObject { ["points"] = c.Definition["points"]!.DeepClone(), ["aggregation"] = c.Definition["aggregation"]?.DeepClone() };
            Assert.Equal(Aggregate(top, card.Indicators, definitions, card.Max), card.Total);
        }
    }

    [Invariant]
    public void Total_NeverExceedsTheSystemMaximumPlusDeclaredBonus(GeneratedCase c)
    {
        var system = c.Load();
        // Every node's extension can lift it above its points, and the lift carries up past every cap.
        var bonus = Flatten(system.Indicators).Where(i => !i.IsBonus).Sum(i => i.BonusPoints);
        foreach (var values in c.Subjects.Append(c.Garbage))
        {
            var card = system.Score(c.Evidence(values));
            Assert.InRange(card.Total, 0m, system.Points + bonus);
        }
    }

    [Invariant]
    public void MoreOfAnEvidenceValue_NeverLowersAThresholdLinearOrTiersScore(GeneratedCase c)
    {
        var system = c.Load();
        foreach (var key in c.IncreasingKeys)
        {
            var values = new Dictionary<string, object?>(c.Subjects[0]);
            var low = values.GetValueOrDefault(key) as decimal? ?? 0m;
            var before = system.Score(c.Evidence(values));
            values[key] = Math.Min(1000m, low + 1 + low / 2);
            var after = system.Score(c.Evidence(values));
            foreach (var leaf in before.ObservationPoints())
            {
                Assert.True(after.Find(leaf.Id)!.Score >= leaf.Score, $"{key} {low} → {values[key]}: {leaf.Id} fell from {leaf.Score} to {after.Find(leaf.Id)!.Score}");
            }

            Assert.True(after.Total >= before.Total);
        }
    }

    [Invariant]
    public void AddingAChecklistItemOrARewardedFact_NeverLowersAScore(GeneratedCase c)
    {
        var system = c.Load();
        foreach (var key in c.RewardedFlags)
        {
            var values = new Dictionary<string, object?>(c.Subjects[1]);
            values[key] = false;
            var before = system.Score(c.Evidence(values));
            values[key] = true;
            var after = system.Score(c.Evidence(values));
            Assert.All(before.ObservationPoints(), leaf => Assert.True(after.Find(leaf.Id)!.Score >= leaf.Score, $"{key}: {leaf.Id}"));
        }
    }

    [Invariant]
    public void VetoAlwaysFails_OtherwiseTheVerdictFollowsTheBounds_AndGradesFollowTheBands(GeneratedCase c)
    {
        var system = c.Load();
        foreach (var values in c.Subjects.Append(c.Garbage))
        {
            foreach (var incidents in new decimal?[] { null, 0m, 1m, 3m })
            {
                var withVeto = new Dictionary<string, object?>(values) { ["incidents"] = incidents };
                var card = system.Score(c.Evidence(withVeto));
                var profile = system.FindProfile(card.Subject.Profile)!;
                Assert.Equal(incidents >= 1, card.Vetoed);
                Assert.Equal(incidents is null && !card.Vetoed, card.UndecidedVetoes.Count == 1);
                Assert.True(card.Total <= card.TotalUpperBound, $"{card.Total} ≤ {card.TotalUpperBound}");
                if (card.Vetoed)
                {
                    Assert.Equal(Verdict.Failed, card.Verdict);
                    Assert.Null(card.Grade);
                }
                else
                {
                    var expected = card.TotalUpperBound < profile.PassThreshold ? Verdict.Failed
                        : incidents is null || card.Total < profile.PassThreshold ? Verdict.Undetermined
                        : Verdict.Passed;
                    Assert.Equal(expected, card.Verdict);
                    Assert.Equal(profile.Grades.First(g => card.Total >= g.MinScore), card.Grade);
                    Assert.Equal(profile.Grades.First(g => card.TotalUpperBound >= g.MinScore), card.GradeUpperBound);
                }
            }
        }
    }

    [Invariant]
    public void SameInput_ScoresIdentically_AlsoWhenScoredConcurrently(GeneratedCase c)
    {
        var system = c.Load();
        var subjects = Enumerable.Range(0, 24).Select(i => c.Evidence(i % 4 == 3 ? c.Garbage : c.Subjects[i % 3], "s" + i)).ToList();
        var alone = subjects.Select(s => Fingerprint(system.Score(s))).ToList();
        var again = subjects.Select(s => Fingerprint(system.Score(s))).ToList();
        var concurrent = new string[subjects.Count];
        Parallel.For(0, subjects.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i] = Fingerprint(system.Score(subjects[i])));
        Assert.Equal(alone, again);
        Assert.Equal(alone, concurrent);
    }

    [Invariant]
    public void AnOverlayThatOverridesNothing_ScoresExactlyLikeItsBase(GeneratedCase c)
    {
        using var files = new TempFolder();
        files.Write("base.json", c.DefinitionText);
        var overlayPath = files.Write("overlay.json", """{ "id": "generated", "version": "1", "title": { "zh": "生成的体系" }, "extends": "base.json" }""");
        var overlay = IndicatorSystem.Load(overlayPath).GetValueOrThrow();
        var system = c.Load();
        foreach (var values in c.Subjects.Append(c.Garbage))
        {
            foreach (var profile in new[] { "p1", "p2" })
            {
                Assert.Equal(Fingerprint(system.Score(c.Evidence(values), profile)), Fingerprint(overlay.Score(c.Evidence(values), profile)));
            }
        }
    }

    internal static string Fingerprint(Scorecard card) =>
        $"{card.Total}|{card.TotalUpperBound}|{card.Verdict}|{card.Grade?.Id}|{string.Join(",", card.Vetoes.Select(v => v.Reason))}|"
        + string.Join(";", card.Indicators.SelectMany(i => i.DescendantsAndSelf()).Select(s => $"{s.Id}:{s.Score}:{s.Status}:{s.Explanation}"))
        + "|" + string.Join(";", card.MissingEvidence.Select(m => $"{m.Key}:{string.Join(",", m.NeededBy)}"))
        + "|" + string.Join(";", card.Diagnostics.Select(d => d.ToString()));

    private static Dictionary<string, JsonObject> Index(JsonObject system)
    {
        var index = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        void Walk(JsonArray? nodes)
        {
            foreach (var node in nodes ?? [])
            {
                index[(string)node!["id"]!] = node.AsObject();
                Walk(node["children"] as JsonArray);
            }
        }

        Walk(system["indicators"] as JsonArray);
        return index;
    }

    /// <summary>The aggregation rules of indicators/README.md, computed independently of the engine.</summary>
    private static decimal Aggregate(JsonObject node, IReadOnlyList<IndicatorScore> children, Dictionary<string, JsonObject> definitions, decimal max)
    {
        var points = Dec(node["points"]!);
        var bonusCap = node["bonusPoints"] is { } b ? Dec(b) : 0m;
        var parts = children.Where(ch => definitions[ch.Id]["bonus"] is null).ToList();
        var bonus = Math.Min(children.Where(ch => definitions[ch.Id]["bonus"] is not null).Sum(ch => ch.Score), bonusCap);

        // A part lifted above its points by extension items counts its points in the base and carries the rest.
        var lift = parts.Sum(p => Math.Max(0m, p.Score - p.Max));
        decimal baseScore;
        if ((string?)node["aggregation"] == "weighted-mean")
        {
            var counted = parts.Where(p => p.Status != ScoreStatus.NotApplicable && p.Max > 0).ToList();
            var weights = counted.Sum(p => Weight(definitions[p.Id]));
            baseScore = weights == 0 ? 0m : Math.Round(points * counted.Sum(p => Weight(definitions[p.Id]) * Math.Min(p.Score, p.Max) / p.Max) / weights, 2, MidpointRounding.AwayFromZero);
        }
        else
        {
            baseScore = parts.Sum(p => Math.Min(p.Score, p.Max));
        }

        _ = max;
        return Math.Min(baseScore, points) + bonus + lift;
    }

    private static IEnumerable<Indicator> Flatten(IEnumerable<Indicator> indicators) =>
        indicators.SelectMany(i => Flatten(i.Children).Prepend(i));

    private static decimal Weight(JsonObject node) => node["weight"] is { } w ? Dec(w) : 1m;

    private static decimal Dec(JsonNode node) => decimal.Parse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
