using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Rules;

/// <summary>The checklist rule: every item present earns its points, capped at the leaf's; unsupplied and invalid items are named.</summary>
public class ChecklistScorerTests
{
    private static readonly IndicatorSystem System = OneLeaf(
        """
        { "key": "wifi", "type": "boolean", "title": "Wi-Fi" },
        { "key": "plan", "type": "document", "title": "security plan" },
        { "key": "systems", "type": "list", "title": "systems" },
        { "key": "servers", "type": "integer", "title": "servers" },
        { "key": "portal", "type": "string", "title": "portal URL" }
        """,
        """
        { "type": "checklist", "items": [
          { "evidence": "wifi", "points": 1, "label": "campus Wi-Fi" }, { "evidence": "plan", "points": 1 },
          { "evidence": "systems", "points": 1 }, { "evidence": "servers", "points": 1 }, { "evidence": "portal", "points": 1 } ] }
        """);

    private const string AllPresent = """{ "wifi": true, "systems": [ "OA" ], "servers": 3, "portal": "https://x" }""";
    private const string AllAbsent = """{ "wifi": false, "systems": [], "servers": 0, "portal": "" }""";

    [Fact]
    public void Checklist_EveryItemPresent_IsCappedAtTheLeafsPoints()
    {
        Assert.Equal(
            (4m, ScoreStatus.Scored, "campus Wi-Fi yes, security plan yes, systems yes, servers yes, portal URL yes → 4 of 4"),
            Outcome(System, AllPresent, "plan"));
    }

    [Fact]
    public void Checklist_FalseZeroEmptyValues_AreAbsent()
    {
        Assert.Equal(
            (1m, ScoreStatus.Partial, "campus Wi-Fi no, security plan yes, systems no, servers no, portal URL no → 1 of 4"),
            Outcome(System, AllAbsent, "plan"));
    }

    [Fact]
    public void Checklist_SomeItemsUnsupplied_IsScoredOnTheRest_AndListsThem()
    {
        var card = Score(System, """{ "wifi": true, "servers": 2 }""");
        var leaf = card.Find("leaf")!;
        Assert.Equal(
            (2m, ScoreStatus.Partial, "campus Wi-Fi yes, security plan not supplied, systems not supplied, servers yes, portal URL not supplied → 2 of 4"),
            (leaf.Score, leaf.Status, leaf.Explanation));
        Assert.Equal(["plan", "systems", "portal"], card.MissingEvidence.Select(m => m.Key));
    }

    /// <summary>
    /// Regression: a checklist of documents none of which was supplied was missing evidence, so open, and its points
    /// counted in the upper bound, while one with some of its documents supplied was settled: an unsupplied document is
    /// an answer ("no document"), in both cases. Found by the national system's test case tiers-checklist-boolean.
    /// </summary>
    [Fact]
    public void Checklist_OfDocumentsNoneSupplied_IsSettledAtZero_NotOpen()
    {
        var documents = OneLeaf(
            """
            { "key": "plan", "type": "document", "title": "plan" },
            { "key": "report", "type": "document", "title": "report" }
            """,
            """{ "type": "checklist", "items": [ { "evidence": "plan", "points": 2 }, { "evidence": "report", "points": 2 } ] }""");

        var card = Score(documents, "{}");

        Assert.Equal((0m, ScoreStatus.Scored), (card.Find("leaf")!.Score, card.Find("leaf")!.Status));
        Assert.Equal(card.Total, card.TotalUpperBound);
        Assert.Equal(["plan", "report"], card.MissingEvidence.Select(m => m.Key));
    }

    [Fact]
    public void Checklist_NothingSupplied_IsMissingEvidence_WithEveryItemNamed()
    {
        Assert.Equal(
            (0m, ScoreStatus.MissingEvidence, "campus Wi-Fi not supplied, security plan not supplied, systems not supplied, servers not supplied, portal URL not supplied → 0 of 4"),
            Outcome(System, "{}"));
    }

    [Fact]
    public void Checklist_AnInvalidItem_CountsAsAbsent_AndIsNamed()
    {
        Assert.Equal(
            (4m, ScoreStatus.Scored, "campus Wi-Fi invalid, security plan yes, systems yes, servers yes, portal URL yes → 4 of 4"),
            Outcome(System, """{ "wifi": "yes", "systems": [ "OA" ], "servers": 3, "portal": "https://x" }""", "plan"));
    }

    [Fact]
    public void Checklist_InvalidAndUnsuppliedItemsOnly_IsMissingEvidence()
    {
        Assert.Equal(
            (0m, ScoreStatus.MissingEvidence, "campus Wi-Fi invalid, security plan not supplied, systems not supplied, servers invalid, portal URL not supplied → 0 of 4"),
            Outcome(System, """{ "wifi": "yes", "servers": -1.5 }"""));
    }

    [Fact]
    public void Checklist_EveryItemInvalid_IsAnError()
    {
        var system = OneLeaf(
            """{ "key": "wifi", "type": "boolean", "title": "Wi-Fi" }, { "key": "servers", "type": "integer", "title": "servers" }""",
            """{ "type": "checklist", "items": [ { "evidence": "wifi", "points": 1 }, { "evidence": "servers", "points": 1 } ] }""",
            2);
        Assert.Equal((0m, ScoreStatus.Error, "Wi-Fi invalid, servers invalid → 0 of 2"), Outcome(system, """{ "wifi": 1, "servers": "many" }"""));
    }

    [Fact]
    public void Checklist_InvalidItem_InChinese_IsNamedInvalid()
    {
        var system = OneLeaf("""{ "key": "wifi", "type": "boolean", "title": "Wi-Fi" }, { "key": "servers", "type": "integer", "title": "servers" }""",
            """{ "type": "checklist", "items": [ { "evidence": "wifi", "points": 1 }, { "evidence": "servers", "points": 1 } ] }""", 2);
        Assert.Equal("Wi-Fi 无效，servers 是 → 1/2 分", ExplainInChinese(system, """{ "wifi": 1, "servers": 3 }"""));
    }

    [Fact]
    public void Checklist_MissingItem_InChinese_IsNamedNotSupplied()
    {
        var system = OneLeaf("""{ "key": "wifi", "type": "boolean", "title": "Wi-Fi" }, { "key": "servers", "type": "integer", "title": "servers" }""",
            """{ "type": "checklist", "items": [ { "evidence": "wifi", "points": 1 }, { "evidence": "servers", "points": 1 } ] }""", 2);
        Assert.Equal("Wi-Fi 未提供，servers 是 → 1/2 分", ExplainInChinese(system, """{ "servers": 3 }"""));
    }

    [Fact]
    public void Checklist_ItemPointsAboveTheLeafs_IsIE110_AtThePoints()
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "item points 4.5 exceed the observation point's 4", $"{LeafRule}/items/1/points")],
            RuleErrors(Wifi, """{ "type": "checklist", "items": [ { "evidence": "wifi", "points": 1 }, { "evidence": "wifi", "points": 4.5 } ] }"""));
    }

    [Fact]
    public void Checklist_ItemsAddingUpToLessThanTheLeaf_IsIE110_AtTheItems()
    {
        Assert.Equal(
            [(DiagnosticCodes.InvalidRule, "the checklist items add up to 2.5, less than the observation point's 4 points, so full points can never be earned", $"{LeafRule}/items")],
            RuleErrors(Wifi, """{ "type": "checklist", "items": [ { "evidence": "wifi", "points": 1 }, { "evidence": "wifi", "points": 1.5 } ] }"""));
    }

    [Fact]
    public void Checklist_UndeclaredItemEvidence_IsIE104_AtTheItem()
    {
        Assert.Equal(
            [(DiagnosticCodes.UndeclaredEvidence, "evidence key 'wlan' is not declared; add it to the 'evidence' catalogue or fix the spelling", $"{LeafRule}/items/1/evidence")],
            RuleErrors(Wifi, """{ "type": "checklist", "items": [ { "evidence": "wifi", "points": 4 }, { "evidence": "wlan", "points": 1 } ] }"""));
    }

    private const string Wifi = """{ "key": "wifi", "type": "boolean", "title": "Wi-Fi" }""";

    [Fact]
    public void Checklist_WithoutItems_IsASchemaViolation_AndNeverBound()
    {
        var errors = RuleErrors(Wifi, """{ "type": "checklist" }""");
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.SchemaViolation, e.Code));
    }
}
