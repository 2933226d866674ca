namespace IndicatorEngine.Tests.Loading;

/// <summary>
/// The evidence's <c>selfScores</c>: each usable one lands on its observation point beside the computed score; each
/// unusable one is an IE206 error at its JSON Pointer, left out, and the point is scored as always.
/// </summary>
public class SelfScoreTests
{
    private static readonly IndicatorSystem System = MiniSystem.Load();

    private const string Values = """{ "bandwidthMbps": 7000, "people": 20000, "ipv6": true, "drills": 1, "incidents": 0 }""";

    private static string Json(string selfScores) => $$"""
        {
          "id": "school-1",
          "values": {{Values}},
          "selfScores": {{selfScores}},
          "documents": [ { "name": "plan.pdf", "kind": "securityPlan" } ]
        }
        """;

    private static Scorecard Score(string selfScores) =>
        System.Score(SubjectEvidence.Parse(Json(selfScores), "school.json").GetValueOrThrow());

    [Fact]
    public void SelfScores_LandOnTheirPoints_BesideTheComputedScore()
    {
        var card = Score("""{ "net.bandwidth": 4, "net.ipv6": 2, "sec.drills": 0.5 }""");
        Assert.DoesNotContain(card.Diagnostics, d => d.IsError);
        Assert.Equal(4m, card.Find("net.bandwidth")!.SelfScore);
        Assert.Equal(2m, card.Find("net.bandwidth")!.Score);
        Assert.Equal(0.5m, card.Find("sec.drills")!.SelfScore);
        Assert.Null(card.Find("sec.plan")!.SelfScore);
        Assert.Null(card.Find("net")!.SelfScore);
        Assert.Equal(6.5m, card.SelfScoreTotal());
    }

    [Fact]
    public void OverClaims_AreThePointsAboveTheirScore_LargestFirst()
    {
        // bandwidth: 4 claimed, 2 earned (+2); drills: 2 claimed, 1 earned (+1); ipv6 claimed as earned; plan under-claimed.
        var card = Score("""{ "sec.drills": 2, "net.ipv6": 2, "sec.plan": 1, "net.bandwidth": 4 }""");
        Assert.Equal(["net.bandwidth", "sec.drills"], card.OverClaims().Select(p => p.Id));
    }

    [Fact]
    public void EqualOverClaims_KeepTreeOrder()
    {
        var card = Score("""{ "sec.drills": 2, "net.bandwidth": 3 }""");
        Assert.Equal(["net.bandwidth", "sec.drills"], card.OverClaims().Select(p => p.Id));
    }

    [Fact]
    public void NoSelfScores_NoTotal_NoOverClaims()
    {
        var card = System.Score(SubjectEvidence.Parse($$"""{ "id": "s", "values": {{Values}} }""").GetValueOrThrow());
        Assert.Null(card.SelfScoreTotal());
        Assert.Empty(card.OverClaims());
        Assert.All(card.ObservationPoints(), p => Assert.Null(p.SelfScore));
        Assert.DoesNotContain("selfScore", ScorecardJson.ToJson(card), StringComparison.Ordinal);
    }

    [Fact]
    public void NoSelfScores_NothingIsMadeForThem_OnTheScoringPath()
    {
        var record = System.ReadEvidence(global::System.Text.Encoding.UTF8.GetBytes($$"""{ "id": "s", "values": {{Values}} }"""));
        Assert.Null(record.SelfScores);
        Assert.Null(System.Score(record).SelfScoresByNode);

        var selfScored = System.ReadEvidence(global::System.Text.Encoding.UTF8.GetBytes($$"""{ "id": "s", "values": {{Values}}, "selfScores": { "net.ipv6": 2 } }"""));
        Assert.Equal(2m, selfScored.SelfScores![System.Plan.NodeIndex["net.ipv6"]]);
    }

    [Theory]
    [InlineData("""{ "net.bandwith": 2 }""", "/selfScores/net.bandwith", "is not an indicator of this system")]
    [InlineData("""{ "net": 5 }""", "/selfScores/net", "give self-scores to its observation points")]
    [InlineData("""{ "net.ipv6": "two" }""", "/selfScores/net.ipv6", "must be a number of points, not the string \"two\"")]
    [InlineData("""{ "net.ipv6": -1 }""", "/selfScores/net.ipv6", "below 0; give 0 or more points")]
    [InlineData("""{ "net.ipv6": 2.5 }""", "/selfScores/net.ipv6", "is 2.5, above its 2 points; give at most 2")]
    [InlineData("""{ "a~b/c": 1 }""", "/selfScores/a~0b~1c", "is not an indicator")]
    public void UnusableSelfScore_IsIE206_AtItsPointer_AndIsLeftOut(string selfScores, string pointer, string message)
    {
        var card = Score(selfScores);
        var d = Assert.Single(card.Diagnostics, d => d.Code == DiagnosticCodes.SelfScoreInvalid);
        Assert.True(d.IsError);
        Assert.Equal(pointer, d.Pointer);
        Assert.Equal("school.json", d.File);
        Assert.Equal(4, d.Line);
        Assert.True(d.Column > 10);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.Null(card.SelfScoreTotal());
        Assert.Equal(2m, card.Find("net.ipv6")!.Score);
    }

    [Fact]
    public void OneBadSelfScore_LeavesTheOthers()
    {
        var card = Score("""{ "net.ipv6": 9, "sec.plan": 2 }""");
        Assert.Single(card.Diagnostics, d => d.Code == DiagnosticCodes.SelfScoreInvalid);
        Assert.Null(card.Find("net.ipv6")!.SelfScore);
        Assert.Equal(2m, card.Find("sec.plan")!.SelfScore);
    }

    [Fact]
    public void SelfScoresNotAnObject_RefuseTheDocument_AtTheirPointer()
    {
        var result = SubjectEvidence.Parse(Json("[1, 2]"), "school.json");
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("/selfScores", d.Pointer);
        Assert.Contains("observation point id", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedPointId_IsMalformed()
    {
        var result = SubjectEvidence.Parse(Json("""{ "net.ipv6": 1, "net.ipv6": 2 }"""), "school.json");
        Assert.False(result.Succeeded);
        Assert.Contains("'net.ipv6' appears more than once", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfScores_SurviveTheResultJson_AndTheLanguageSwitch()
    {
        var card = Score("""{ "net.bandwidth": 4, "sec.drills": 1.5 }""");
        var json = ScorecardJson.ToJson(card);
        Assert.Contains("\"selfScore\": 4", json, StringComparison.Ordinal);
        var back = ScorecardJson.Parse(json).GetValueOrThrow();
        Assert.Equal(4m, back.Find("net.bandwidth")!.SelfScore);
        Assert.Equal(1.5m, back.Find("sec.drills")!.SelfScore);
        Assert.Equal(card.OverClaims().Select(p => p.Id), back.OverClaims().Select(p => p.Id));
        Assert.Equal(4m, card.In(Language.English).Find("net.bandwidth")!.SelfScore);
    }

    [Fact]
    public void ShippedSelfAssessedSample_OverClaimsSevenPoints_LargestFirst()
    {
        var system = IndicatorSystem.LoadShipped("henan-higher-vocational");
        var card = system.Score(SubjectEvidence.Load(RepoPaths.Sample("self-assessed")).GetValueOrThrow());
        Assert.DoesNotContain(card.Diagnostics, d => d.IsError);
        Assert.Equal(536.29m, card.Total);
        Assert.Equal(557.5m, card.SelfScoreTotal());
        Assert.Equal(51, card.ObservationPoints().Count(p => p.SelfScore is not null));
        var overClaims = card.OverClaims();
        Assert.Equal(7, overClaims.Count);
        Assert.Equal("resources.building.online-courses", overClaims[0].Id);
        Assert.Equal(5.25m, overClaims[0].SelfScore - overClaims[0].Score);
        Assert.Equal("infrastructure.network.communication.exit-bandwidth", overClaims[^1].Id);
    }

    [Fact]
    public void Markdown_ListsOverClaimsBeforeTheVetoes_WithSelfScoreColumns()
    {
        // Every score of this card is whole, so the card writes its numbers without places.
        var markdown = ScorecardMarkdown.ToMarkdown(Score("""{ "net.bandwidth": 4, "sec.drills": 2, "net.ipv6": 2 }"""));
        var overClaims = markdown.IndexOf("## 自评高于佐证支持的得分", StringComparison.Ordinal);
        Assert.True(overClaims > 0);
        Assert.True(overClaims < markdown.IndexOf("## 一票否决", StringComparison.Ordinal));
        Assert.Contains("| 自评总分 | 8 / 10 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `net.bandwidth` | 出口带宽 | 4 | 2 | +2 |", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("`net.bandwidth` | 出口带宽 | 4 |", StringComparison.Ordinal) < markdown.IndexOf("`sec.drills` | 演练 | 2 |", StringComparison.Ordinal));
        Assert.Contains("| 得分 | 自评分 | 差值 | 状态 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2 / 2 | 2 | 0 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ShowsOverClaimsTable_AndSelfScoreColumns()
    {
        var html = ScorecardHtml.ToHtml(Score("""{ "net.bandwidth": 4, "sec.drills": 2 }"""));
        Assert.Contains("<table class=\"points\" id=\"overclaims\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num over\">+2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"num\">自评分</th><th class=\"num\">差值</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("overclaims", ScorecardHtml.ToHtml(System.Score(SubjectEvidence.Parse($$"""{ "id": "s", "values": {{Values}} }""").GetValueOrThrow())), StringComparison.Ordinal);
    }
}
