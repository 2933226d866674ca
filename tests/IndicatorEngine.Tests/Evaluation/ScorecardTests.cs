using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Evaluation;

/// <summary>The warning a scorecard gives for each value not supplied: what that value costs, said of what is true.</summary>
public class ScorecardTests
{
    private static readonly IndicatorSystem System = Load(
        """
        { "key": "x", "type": "boolean", "title": "x" },
        { "key": "y", "type": "boolean", "title": "y" },
        { "key": "plan", "type": "document", "title": "plan" }
        """,
        Group("root", 4, $$"""
            {{Point("zero", 2, """{ "type": "boolean", "evidence": "x" }""")}},
            {{Point("some", 2, """{ "type": "checklist", "items": [ { "evidence": "y", "points": 1 }, { "evidence": "x", "points": 1 } ] }""")}}
            """),
        4,
        """
        , "vetoes": [
          { "id": "v1", "title": { "zh": "一" }, "when": { "evidence": "x", "equals": false } },
          { "id": "v2", "title": { "zh": "二" }, "when": { "formula": "!x" } },
          { "id": "v3", "title": { "zh": "三" }, "when": { "evidence": "plan", "equals": false } }
        ]
        """);

    [Fact]
    public void AMissingValue_SaysWhichPointsScore0_WhichMayScoreMore_AndWhichVetoesWaitForIt()
    {
        var card = Score(System, """{ "y": true }""");
        Assert.Equal(
            [
                "'x' is not supplied; zero score 0 until it is; some may score more with it; veto v1, v2 cannot be decided without it",
                "'plan' is not supplied; nothing scored needs it now",
            ],
            card.Diagnostics.Where(d => d.Code == DiagnosticCodes.EvidenceMissing).Select(d => d.Message));
    }

    [Fact]
    public void AMissingValue_ListsEveryPointItCosts_CommaSeparated()
    {
        var system = Load(
            """
            { "key": "x", "type": "boolean", "title": "x" },
            { "key": "y", "type": "boolean", "title": "y" }
            """,
            Group("root", 8, $$"""
                {{Point("zero1", 2, """{ "type": "boolean", "evidence": "x" }""")}},
                {{Point("zero2", 2, """{ "type": "boolean", "evidence": "x" }""")}},
                {{Point("some1", 2, """{ "type": "checklist", "items": [ { "evidence": "y", "points": 1 }, { "evidence": "x", "points": 1 } ] }""")}},
                {{Point("some2", 2, """{ "type": "checklist", "items": [ { "evidence": "y", "points": 1 }, { "evidence": "x", "points": 1 } ] }""")}}
                """),
            8);

        var card = Score(system, """{ "y": true }""");

        Assert.Equal(
            ["'x' is not supplied; zero1, zero2 score 0 until it is; some1, some2 may score more with it"],
            card.Diagnostics.Where(d => d.Code == DiagnosticCodes.EvidenceMissing).Select(d => d.Message));
    }
}
