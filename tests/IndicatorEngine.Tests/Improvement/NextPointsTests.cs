using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Improvement;

/// <summary>Gap analysis, per rule kind: the evidence change that earns an observation point its next points, and how many.</summary>
public class NextPointsTests
{
    private const string Bandwidth = """{ "key": "bw", "type": "number", "min": 0, "max": 100000, "title": "bandwidth", "unit": "Mbps" }""";
    private const string People = """{ "key": "people", "type": "integer", "min": 1, "title": "people" }""";
    private const string Courses = """{ "key": "courses", "type": "integer", "min": 0, "max": 1000, "title": "courses" }""";
    private const string Teachers = """{ "key": "teachers", "type": "integer", "min": 1, "title": "teachers" }""";
    private const string Rate = """{ "key": "rate", "type": "number", "min": 0, "max": 100, "title": "failure rate", "unit": "%" }""";
    private const string Level = """{ "key": "level", "type": "enum", "values": ["10G-redundant", "10G", "1G"], "title": "backbone" }""";
    private const string Flag = """{ "key": "flag", "type": "boolean", "title": "flag" }""";
    private const string Plan = """{ "key": "plan", "type": "document", "title": "plan" }""";
    private const string X = """{ "key": "x", "type": "number", "min": 0, "max": 100, "title": "x" }""";
    private const string Expert = """{ "key": "expert", "type": "number", "min": 0, "title": "expert" }""";

    [Fact]
    public void Linear_PerHead_ProposesTheValueForFullMarks()
    {
        var system = OneLeaf($"{Bandwidth}, {People}", """{ "type": "linear", "evidence": "bw", "per": "people", "target": 0.7 }""");

        var point = Headroom(system, """{ "bw": 350, "people": 1001 }""");

        Assert.Equal(HeadroomKind.Computed, point.Kind);
        Assert.Equal([("bw", (object?)700.7m, 4m)], Steps(point));
    }

    [Fact]
    public void Linear_OfAnIntegerKey_RoundsUpToAWholeNumber()
    {
        var system = OneLeaf($"{Courses}, {Teachers}", """{ "type": "linear", "evidence": "courses", "per": "teachers", "target": 0.3 }""");

        // 0.3 × 11 = 3.3 courses: 3 earn 3.64 of 4, only 4 earn full marks.
        Assert.Equal([("courses", (object?)4m, 4m)], Steps(Headroom(system, """{ "courses": 1, "teachers": 11 }""")));
    }

    [Fact]
    public void Linear_WithoutItsDivisor_NeedsTheDivisorFirst()
    {
        var system = OneLeaf($"{Bandwidth}, {People}", """{ "type": "linear", "evidence": "bw", "per": "people", "target": 0.7 }""");

        var point = Headroom(system, """{ "bw": 350 }""");

        Assert.Equal(HeadroomKind.NeedsEvidenceFirst, point.Kind);
        Assert.Equal("people", point.NeedsKey);
        Assert.Empty(point.Steps);
    }

    [Fact]
    public void Linear_Scaled_ProposesTheEvidenceValueBeforeScaling()
    {
        // Gbps read as Mbps: 500 Mbps for full marks is 0.5 Gbps entered.
        var system = OneLeaf(Bandwidth, """{ "type": "linear", "evidence": "bw", "scale": 1000, "target": 500 }""");

        Assert.Equal([("bw", (object?)0.5m, 4m)], Steps(Headroom(system, """{ "bw": 0.1 }""")));
    }

    [Fact]
    public void Linear_PerADivisorOfZero_NeedsTheDivisorFirst()
    {
        var system = OneLeaf($"{Bandwidth}, {Teachers.Replace("\"min\": 1", "\"min\": 0")}", """{ "type": "linear", "evidence": "bw", "per": "teachers", "target": 0.7 }""");

        var point = Headroom(system, """{ "bw": 350, "teachers": 0 }""");

        Assert.Equal(HeadroomKind.NeedsEvidenceFirst, point.Kind);
        Assert.Equal("teachers", point.NeedsKey);
        Assert.Empty(point.Steps);
    }

    [Fact]
    public void Threshold_WithPartial_ProposesThePartialTargetThenTheTarget()
    {
        var system = OneLeaf(Bandwidth, """{ "type": "threshold", "evidence": "bw", "atLeast": 100, "partial": { "atLeast": 1, "points": 2 } }""");

        Assert.Equal([("bw", (object?)1m, 2m), ("bw", 100m, 4m)], Steps(Headroom(system, """{ "bw": 0 }""")));
        Assert.Equal([("bw", (object?)100m, 4m)], Steps(Headroom(system, """{ "bw": 50 }""")));
    }

    [Fact]
    public void Threshold_AtMost_ProposesTheHighestValueAllowed()
    {
        var system = OneLeaf(Rate, """{ "type": "threshold", "evidence": "rate", "atMost": 5 }""");

        Assert.Equal([("rate", (object?)5m, 4m)], Steps(Headroom(system, """{ "rate": 8.5 }""")));
    }

    [Fact]
    public void Tiers_Numeric_ProposesEveryHigherBand()
    {
        var system = OneLeaf(Courses, """{ "type": "tiers", "evidence": "courses", "bands": [ { "atLeast": 10, "points": 4 }, { "atLeast": 5, "points": 2 }, { "atLeast": 1, "points": 1 } ] }""");

        Assert.Equal([("courses", (object?)5m, 2m), ("courses", 10m, 4m)], Steps(Headroom(system, """{ "courses": 3 }""")));
    }

    [Fact]
    public void Tiers_Equals_ProposesEveryBetterValue()
    {
        var system = OneLeaf(Level, """{ "type": "tiers", "evidence": "level", "bands": [ { "equals": "10G-redundant", "points": 3 }, { "equals": "10G", "points": 2 }, { "equals": "1G", "points": 1 } ] }""", 3);

        Assert.Equal([("level", (object?)"10G", 2m), ("level", "10G-redundant", 3m)], Steps(Headroom(system, """{ "level": "1G" }""")));
    }

    [Fact]
    public void Tiers_Boolean_ProposesTheValueOfABetterBand()
    {
        var system = OneLeaf(Flag, """{ "type": "tiers", "evidence": "flag", "bands": [ { "equals": true, "points": 2 }, { "equals": false, "points": 1 } ] }""", 2);

        Assert.Equal([("flag", (object?)true, 2m)], Steps(Headroom(system, """{ "flag": false }""", 2m)));
    }

    [Fact]
    public void Tiers_PerADivisorNotSupplied_NeedsTheDivisorFirst_EvenWhenItIsTheFirstKeyDeclared()
    {
        // The divisor is declared first, so it lies in slot 0.
        var system = OneLeaf($"{People}, {Bandwidth}", """{ "type": "tiers", "evidence": "bw", "per": "people", "bands": [ { "atLeast": 1, "points": 4 } ] }""");

        var point = Headroom(system, """{ "bw": 350 }""");

        Assert.Equal(HeadroomKind.NeedsEvidenceFirst, point.Kind);
        Assert.Equal("people", point.NeedsKey);
    }

    [Fact]
    public void Boolean_ProposesTheExpectedValue_AndADocumentToSupply()
    {
        var flag = OneLeaf(Flag, """{ "type": "boolean", "evidence": "flag" }""", 2);
        var document = OneLeaf(Plan, """{ "type": "boolean", "evidence": "plan" }""", 2);

        Assert.Equal([("flag", (object?)true, 2m)], Steps(Headroom(flag, """{ "flag": false }""")));
        Assert.Equal([("plan", (object?)"plan.pdf", 2m)], Steps(Headroom(document, "{}")));
    }

    [Fact]
    public void Checklist_ProposesEachItemToAdd_MostPointsFirst()
    {
        var system = OneLeaf($"{Flag}, {Plan}, {Courses}",
            """{ "type": "checklist", "items": [ { "evidence": "flag", "points": 1 }, { "evidence": "plan", "points": 2 }, { "evidence": "courses", "points": 1 } ] }""");

        Assert.Equal([("plan", (object?)"plan.pdf", 3m), ("courses", 1m, 2m)], Steps(Headroom(system, """{ "flag": true, "courses": 0 }""")));
    }

    [Fact]
    public void Manual_NeedsAnExpertsScore()
    {
        var system = OneLeaf(Expert, """{ "type": "manual", "evidence": "expert" }""", 5);

        var point = Headroom(system, """{ "expert": 3 }""", 5m);

        Assert.Equal(HeadroomKind.NeedsExpert, point.Kind);
        Assert.Empty(point.Steps);
    }

    [Fact]
    public void Formula_MonotoneInAnInput_FindsItsValueForFullMarksByBisection()
    {
        var system = OneLeaf(X, """{ "type": "formula", "expression": "min(x / 40, 1) * points" }""");

        var point = Headroom(system, """{ "x": 10 }""");

        Assert.Equal(HeadroomKind.Computed, point.Kind);
        var step = Assert.Single(point.Steps);
        Assert.Equal(4m, step.Score);
        Assert.InRange((decimal)step.Value!, 40m, 40.0001m);
    }

    [Fact]
    public void Formula_NotMonotoneInAnyInput_CannotBeComputed()
    {
        var system = OneLeaf(X, """{ "type": "formula", "expression": "points * (1 - Math.abs(x - 50) / 50)" }""");

        var point = Headroom(system, """{ "x": 10 }""");

        Assert.Equal(HeadroomKind.NotComputable, point.Kind);
        Assert.Empty(point.Steps);
    }

    [Fact]
    public void FullMarks_HaveNoHeadroom()
    {
        var system = OneLeaf(Flag, """{ "type": "boolean", "evidence": "flag" }""", 2);

        var plan = GapAnalysis.Plan(system, Subject("""{ "flag": true }"""), ImprovementTarget.ForPoints(2m));

        Assert.Empty(plan.Points);
        Assert.Equal(PlanOutcome.AlreadyMet, plan.Outcome);
    }

    private static PointHeadroom Headroom(IndicatorSystem system, string values, decimal target = 4m) =>
        GapAnalysis.Plan(system, Subject(values), ImprovementTarget.ForPoints(target)).Points.Single(p => p.Id == "leaf");

    private static List<(string, object?, decimal)> Steps(PointHeadroom point) => point.Steps.Select(s => (s.Key, s.Value, s.Score)).ToList();
}
