using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Evaluation;

/// <summary>A group's status from its children's: not applicable, error, missing evidence, partial, scored.</summary>
public class GroupStatusTests
{
    private const string Entered = """
        { "key": "a", "type": "number", "title": "a" },
        { "key": "b", "type": "number", "title": "b" }
        """;

    /// <summary>root (6) = g (4: a 2 + b 2) + c (2), all scores entered directly; "reduced" leaves out the nodes a test names.</summary>
    private static IndicatorSystem System(params string[] notApplicable) => Load(
        Entered + """, { "key": "c", "type": "number", "title": "c" }""",
        Group("root", 6, $$"""
            {{Group("g", 4, $$"""{{Point("a", 2, """{ "type": "manual", "evidence": "a" }""")}}, {{Point("b", 2, """{ "type": "manual", "evidence": "b" }""")}}""")}},
            {{Point("c", 2, """{ "type": "manual", "evidence": "c" }""")}}
            """),
        6,
        notApplicable: notApplicable);

    private static ScoreStatus StatusOfG(string values) => Score(System(), values).Find("g")!.Status;

    [Theory]
    [InlineData("""{ "a": 2, "b": 2 }""", ScoreStatus.Scored)]
    [InlineData("""{ "a": 0, "b": 0 }""", ScoreStatus.Scored)]
    [InlineData("""{ "a": 2, "b": 0.5 }""", ScoreStatus.Partial)]
    [InlineData("""{ "a": 2 }""", ScoreStatus.MissingEvidence)]
    [InlineData("""{ "a": 3, "b": 2 }""", ScoreStatus.Error)]
    [InlineData("""{ "a": 3 }""", ScoreStatus.Error)]
    public void Group_Status_FollowsItsChildren_ErrorBeforeMissingBeforePartial(string values, ScoreStatus status)
    {
        Assert.Equal(status, StatusOfG(values));
    }

    [Fact]
    public void Find_AnUnknownId_IsNull()
    {
        Assert.Null(Score(System(), """{ "a": 2, "b": 2, "c": 2 }""").Find("d"));
    }

    [Fact]
    public void Group_Status_PassesUpTheTree()
    {
        var card = Score(System(), """{ "a": 2, "c": 2 }""");
        Assert.Equal(ScoreStatus.MissingEvidence, card.Find("root")!.Status);
    }

    [Fact]
    public void Group_ListedNotApplicable_ScoresZeroOfItsPoints_AndSaysSo()
    {
        var card = System("g").Score(Subject("""{ "a": 2, "b": 2, "c": 2 }"""), "reduced").In(Language.English);
        var g = card.Find("g")!;
        Assert.Equal((0m, 4m, ScoreStatus.NotApplicable, "not applicable to this profile → 0"), (g.Score, g.Max, g.Status, g.Explanation));
        Assert.All(g.Children, child => Assert.Equal(ScoreStatus.NotApplicable, child.Status));
        Assert.Equal(2m, card.Total);
    }

    [Fact]
    public void Group_WhoseChildrenAreAllNotApplicable_IsNotApplicable()
    {
        var g = System("a", "b").Score(Subject("""{ "a": 2, "b": 2, "c": 2 }"""), "reduced").In(Language.English).Find("g")!;
        Assert.Equal((0m, ScoreStatus.NotApplicable, "sum of its parts → 0 of 4"), (g.Score, g.Status, g.Explanation));
    }

    [Fact]
    public void Group_WithSomeChildrenNotApplicable_IsScoredOnTheRest()
    {
        var card = System("a").Score(Subject("""{ "a": 2, "b": 2, "c": 2 }"""), "reduced");
        Assert.Equal((2m, ScoreStatus.Partial), (card.Find("g")!.Score, card.Find("g")!.Status));
        Assert.Equal(ScoreStatus.Partial, card.Find("root")!.Status);
    }
}
