using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Improvement;

/// <summary>The search for the smallest set of changes: what its bounds must allow for, caps, and the tie-break on points beyond the target.</summary>
public class GapSearchTests
{
    private const string Catalogue = """
        { "key": "x", "type": "number", "min": 0, "max": 100, "title": "x" },
        { "key": "y", "type": "number", "min": 0, "max": 100, "title": "y" },
        { "key": "a", "type": "boolean", "title": "a" },
        { "key": "b", "type": "boolean", "title": "b" },
        { "key": "c", "type": "boolean", "title": "c" }
        """;

    [Fact]
    public void TwoInputsOfOneFormula_ThatEarnMoreTogetherThanApart_AreNotPrunedAway()
    {
        // x alone or y alone earns 2.5 of the pair's 10; both earn all 10. Three flags earn 4 each: the greedy
        // answer takes three flags, and only a bound that allows for the pair finds the two changes x and y.
        var pair = Point("pair", 10, """{ "type": "formula", "expression": "Math.pow(min(x / 10, 1) + min(y / 10, 1), 2) / 4 * points" }""");
        var flags = string.Join(", ", new[] { "a", "b", "c" }.Select(k => Point(k, 4, $$"""{ "type": "boolean", "evidence": "{{k}}" }""")));
        var system = Load(Catalogue, Group("root", 22, $"{pair}, {flags}"), 22);

        var plan = GapAnalysis.Plan(system, Subject("""{ "x": 0, "y": 0, "a": false, "b": false, "c": false }"""), ImprovementTarget.ForPoints(10m));

        Assert.Equal(PlanOutcome.Reachable, plan.Outcome);
        Assert.Equal(["x", "y"], plan.Changes.Select(c => c.Key).Order());
        Assert.Equal(10m, plan.TotalAfter);
    }

    [Fact]
    public void AmongTheFewestChanges_ThePlanWithTheFewestPointsBeyondTheTargetWins()
    {
        var items = string.Join(", ", new[] { ("a", 5), ("b", 3), ("c", 2) }.Select(p => Point(p.Item1, p.Item2, $$"""{ "type": "boolean", "evidence": "{{p.Item1}}" }""")));
        var system = Load(Catalogue, Group("root", 10, items), 10);

        var plan = GapAnalysis.Plan(system, Subject("""{ "a": false, "b": false, "c": false }"""), ImprovementTarget.ForPoints(2m));

        // One change reaches 2 points: c (2) is exactly the target, where a (5) or b (3) would go beyond it.
        Assert.Equal("c", Assert.Single(plan.Changes).Key);
        Assert.Equal(2m, plan.TotalAfter);
    }

    [Fact]
    public void ACappedParent_CountsOnlyWhatFitsUnderItsCap()
    {
        // A checklist of three 2-point items capped at 4: the third item adds nothing, so all 10 points take the
        // threshold and two items, never the third.
        var checklist = Point("list", 4, """{ "type": "checklist", "items": [ { "evidence": "a", "points": 2 }, { "evidence": "b", "points": 2 }, { "evidence": "c", "points": 2 } ] }""");
        var threshold = Point("big", 6, """{ "type": "threshold", "evidence": "x", "atLeast": 50 }""");
        var system = Load(Catalogue, Group("root", 10, $"{checklist}, {threshold}"), 10);
        var evidence = Subject("""{ "a": false, "b": false, "c": false, "x": 0 }""");

        var plan = GapAnalysis.Plan(system, evidence, ImprovementTarget.ForPoints(10m));
        Assert.Equal(3, plan.Changes.Count);
        Assert.Contains(plan.Changes, c => c.Key == "x");
        Assert.Equal(2, plan.Changes.Count(c => c.Key is "a" or "b" or "c"));
        Assert.Equal(10m, plan.TotalAfter);
    }

    [Fact]
    public void ExtensionItems_CountAboveTheBasePoints_UpToTheirCap()
    {
        var children = $$"""{{Point("base", 4, """{ "type": "boolean", "evidence": "a" }""")}}, {{Point("extra", 2, """{ "type": "boolean", "evidence": "b" }""", ", \"bonus\": true")}}""";
        var system = Load(Catalogue, Group("root", 4, children, ", \"bonusPoints\": 1"), 4);
        var evidence = Subject("""{ "a": false, "b": false }""");

        var five = GapAnalysis.Plan(system, evidence, ImprovementTarget.ForPoints(5m));
        var six = GapAnalysis.Plan(system, evidence, ImprovementTarget.ForPoints(6m));

        Assert.Equal((PlanOutcome.Reachable, 5m), (five.Outcome, five.TotalAfter));
        Assert.Equal(["a", "b"], five.Changes.Select(c => c.Key).Order());
        Assert.Equal((PlanOutcome.Unreachable, 5m), (six.Outcome, six.AtMost));
    }

    [Theory]
    [InlineData("""{ "evidence": "a", "equals": false }""", """{ "a": false, "x": 60 }""", "ClearVeto", true)]
    [InlineData("""{ "evidence": "x", "atLeast": 90 }""", """{ "a": true, "x": 95 }""", "ClearVeto", 89.99)]
    [InlineData("""{ "evidence": "a", "equals": false }""", """{ "x": 60 }""", "DecideVeto", true)]
    public void AVetoOnOneKey_IsClearedOrDecidedFirst_WithTheNearestValueThatDoesNotFireIt(string when, string values, string purpose, object value)
    {
        var system = Load(Catalogue, Group("root", 6, Point("big", 6, """{ "type": "threshold", "evidence": "x", "atLeast": 50 }""")), 6,
            $$""", "vetoes": [ { "id": "v", "title": { "zh": "否决" }, "when": {{when}} } ]""");

        var plan = GapAnalysis.Plan(system, Subject(values), ImprovementTarget.ForPoints(6m));

        var change = Assert.Single(plan.Changes);
        Assert.Equal(Enum.Parse<ChangePurpose>(purpose), change.Purpose);
        Assert.Equal(["v"], change.For);
        Assert.Equal(value is double d ? (decimal)d : value, change.To);
    }

    [Fact]
    public void AVetoWrittenAsAFormula_CannotBeClearedByAComputedChange()
    {
        var system = Load(Catalogue, Group("root", 6, Point("big", 6, """{ "type": "threshold", "evidence": "x", "atLeast": 50 }""")), 6,
            """, "vetoes": [ { "id": "v", "title": { "zh": "否决" }, "when": { "formula": "x > 80" } } ]""");

        var plan = GapAnalysis.Plan(system, Subject("""{ "x": 90 }"""), ImprovementTarget.ForPoints(1m));

        Assert.Equal(PlanOutcome.Unreachable, plan.Outcome);
        Assert.Equal(["v"], plan.UnclearableVetoes);
        Assert.Contains("the veto v cannot be cleared", plan.ToText(Language.English), StringComparison.Ordinal);
    }

    private const string WithAFact = """
        { "key": "heads", "type": "integer", "min": 1, "max": 100000, "title": "师生总人数", "fixed": true },
        { "key": "bw", "type": "number", "min": 0, "max": 100, "title": "bw" },
        { "key": "small", "type": "boolean", "title": "small", "fixed": true }
        """;

    [Fact]
    public void AFormulaOnAFixedKeyAndALever_IsRaisedByTheLeverOnly()
    {
        // Per-head bandwidth: fewer heads would raise it as surely as more bandwidth, but heads are a fact of the school.
        var system = Load(WithAFact, Group("root", 10, Point("perHead", 10, """{ "type": "formula", "expression": "min(bw * 1000 / heads, 1) * points" }""")), 10);

        var plan = GapAnalysis.Plan(system, Subject("""{ "heads": 50000, "bw": 10 }"""), ImprovementTarget.ForPoints(10m));

        Assert.Equal(PlanOutcome.Reachable, plan.Outcome);
        Assert.Equal("bw", Assert.Single(plan.Changes).Key);
        var point = Assert.Single(plan.Points);
        Assert.Equal(HeadroomKind.Computed, point.Kind);
        Assert.Equal(["bw"], point.Steps.Select(s => s.Key));
    }

    [Fact]
    public void APointOnlyAFixedKeyRaises_SaysItDependsOnAFactOfTheSchool()
    {
        var ratio = Point("ratio", 6, """{ "type": "formula", "expression": "min(1000 / heads, 1) * points" }""");
        var flag = Point("flag", 4, """{ "type": "boolean", "evidence": "small" }""");
        var system = Load(WithAFact, Group("root", 10, $"{ratio}, {flag}"), 10);

        var plan = GapAnalysis.Plan(system, Subject("""{ "heads": 5000, "bw": 0, "small": false }"""), ImprovementTarget.ForPoints(5m));

        Assert.Equal(PlanOutcome.Unreachable, plan.Outcome);
        Assert.Empty(plan.Changes);
        Assert.Equal([(HeadroomKind.DependsOnFixedFact, "heads"), (HeadroomKind.DependsOnFixedFact, "small")], plan.Points.Select(p => (p.Kind, p.NeedsKey)));
        Assert.All(plan.Points, p => Assert.Empty(p.Steps));
        Assert.Contains("ratio 1.2/6 分：取决于 heads（师生总人数），这是学校的既有事实，改进计划不改变它", plan.ToText(Language.Chinese), StringComparison.Ordinal);
        Assert.Contains("depends on heads (师生总人数), a fact of the school, not changed by a plan", plan.ToText(Language.English), StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"depends-on-fixed-fact\"", plan.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void AVetoOnAFixedKey_IsUnreachable_AndSaysWhy()
    {
        var system = Load(WithAFact, Group("root", 6, Point("big", 6, """{ "type": "threshold", "evidence": "bw", "atLeast": 50 }""")), 6,
            """, "vetoes": [ { "id": "v", "title": { "zh": "否决" }, "when": { "evidence": "heads", "atLeast": 40000 } } ]""");

        var plan = GapAnalysis.Plan(system, Subject("""{ "heads": 50000, "bw": 60 }"""), ImprovementTarget.ForPoints(1m));

        Assert.Equal(PlanOutcome.Unreachable, plan.Outcome);
        Assert.Empty(plan.Changes);
        Assert.Equal(["v"], plan.UnclearableVetoes);
        Assert.Equal("heads", plan.VetoFixedKeys["v"]);
        Assert.Contains("(v depends on heads (师生总人数), a fact of the school, not changed by a plan)", plan.ToText(Language.English), StringComparison.Ordinal);
    }
}
