using System.Globalization;
using System.Text.RegularExpressions;

namespace IndicatorEngine.Report.Tests;

/// <summary>The HTML scorecard as text: self-contained, escaped, complete. No browser needed.</summary>
public sealed partial class ScorecardHtmlTests
{
    private const string Hostile = "<script>alert(1)</script>";

    [Fact]
    public void Page_MakesNoRequest_OutsideTheEChartsLicenceAndXmlNamespaces()
    {
        var html = ScorecardHtml.ToHtml(Samples.Score("henan-higher-vocational", "missing-evidence"));
        var (page, library) = SplitLibrary(html);

        Assert.DoesNotContain("http://", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", page, StringComparison.OrdinalIgnoreCase);

        var code = Comment().Replace(library, "");
        var urls = Url().Matches(code).Select(m => m.Value).ToList();
        Assert.All(urls, url => Assert.StartsWith("http://www.w3.org/", url, StringComparison.Ordinal));
        Assert.Contains("Licensed to the Apache Software Foundation", library, StringComparison.Ordinal);
        Assert.Contains("Apache ECharts", library, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_WithAPlan_ShowsItsChanges_AndWithoutOneHasNoPlanSection()
    {
        var system = Samples.System("henan-higher-vocational");
        var evidence = SubjectEvidence.Load(Path.Combine(RepoPaths.Indicators, "samples", "henan-higher-vocational", "vetoed.json")).GetValueOrThrow();
        var card = system.Score(evidence);

        var html = ScorecardHtml.ToHtml(card, GapAnalysis.Plan(system, evidence));

        Assert.Contains("<section class=\"plan\" id=\"plan\">\n<h2>改进计划</h2>", html, StringComparison.Ordinal);
        Assert.Contains("majorSecurityIncidents3y", html[html.IndexOf("id=\"plan\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"plan\"", ScorecardHtml.ToHtml(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_DeclaresUtf8_Chinese_A4AndACjkFont()
    {
        var html = ScorecardHtml.ToHtml(Samples.Score("henan-higher-vocational", "passing"));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("\"Noto Sans CJK SC\"", html, StringComparison.Ordinal);
        Assert.Contains("\"Microsoft YaHei\"", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
        Assert.Contains("break-inside: avoid", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileSchoolName_IsEscaped_InTextAndInChartData()
    {
        var html = ScorecardHtml.ToHtml(Samples.ScoreNamed("henan-higher-vocational", "passing", Hostile + "</script><b>&"));
        var (page, _) = SplitLibrary(html);

        Assert.DoesNotContain(Hostile, page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        // Exactly the page's own script elements end, however many the name tried to close.
        Assert.Equal(3, Regex.Count(html, "</script>", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void BidiAndControlCharactersInAName_AreShownAsEscapes_NotApplied()
    {
        var html = ScorecardHtml.ToHtml(Samples.ScoreNamed("henan-higher-vocational", "passing", "Evil\u202Efdp.exe\u001B[31m\u2066x"));
        var (page, _) = SplitLibrary(html);

        Assert.Contains(@"Evil\u202Efdp.exe\u001B[31m\u2066x", page, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', page);
        Assert.DoesNotContain('\u001B', page);
        Assert.DoesNotContain('\u2066', page);
    }

    [Fact]
    public void HostileIndicatorTitle_CannotEndTheChartDataScript()
    {
        var html = ScorecardHtml.ToHtml(WithFirstTitle(Samples.Score("henan-higher-vocational", "passing"), Hostile + "</script>&"));

        Assert.Equal(3, Regex.Count(html, "</script>", RegexOptions.IgnoreCase));
        Assert.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Page_HasEveryObservationPoint_TheVerdictAndTheBounds(string system, string sample)
    {
        var card = Samples.Score(system, sample);
        var html = ScorecardHtml.ToHtml(card);

        foreach (var point in card.Indicators.SelectMany(i => i.DescendantsAndSelf()).Where(s => s.Children.Count == 0))
        {
            Assert.Contains($"<tr data-point=\"{point.Id}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains($"id=\"verdict\">{Samples.VerdictWords(card)}", html, StringComparison.Ordinal);
        Assert.Contains($"申报条件 {Number(card.PassThreshold)} 分", html, StringComparison.Ordinal);
        if (card.TotalUpperBound != card.Total)
        {
            Assert.Contains($"总分区间 {Number(card.Total)} – {Number(card.TotalUpperBound)} 分", html, StringComparison.Ordinal);
        }

        if (card.Vetoed)
        {
            Assert.Contains("（一票否决）", html, StringComparison.Ordinal);
            Assert.All(card.Vetoes, veto => Assert.Contains(System.Net.WebUtility.HtmlEncode(veto.Reason), html, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void OpenBounds_AndEnglishWords_WhenAskedForEnglish()
    {
        var card = Samples.Score("henan-higher-vocational", "missing-evidence").In(Language.English);
        var html = ScorecardHtml.ToHtml(card);

        Assert.NotEqual(card.Total, card.TotalUpperBound);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"verdict\">undetermined", html, StringComparison.Ordinal);
        Assert.Contains($"total between {Number(card.Total)} and {Number(card.TotalUpperBound)}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDo_ListsTheMissingEvidence_MostPointsAtStakeFirst()
    {
        var card = Samples.Score("henan-higher-vocational", "missing-evidence");
        var html = ScorecardHtml.ToHtml(card);
        var items = ToDoItem().Matches(html).Select(m => (Key: m.Groups["key"].Value, Stake: decimal.Parse(m.Groups["stake"].Value, CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(card.MissingEvidence.Select(m => m.Key).Order(StringComparer.Ordinal), items.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.Equal(items.Select(i => i.Stake).OrderDescending(), items.Select(i => i.Stake));
        var points = card.Indicators.SelectMany(i => i.DescendantsAndSelf()).Where(s => s.Children.Count == 0).ToDictionary(s => s.Id);
        foreach (var (key, stake) in items)
        {
            var expected = card.MissingEvidence.Single(m => m.Key == key).NeededBy
                .Where(id => points.ContainsKey(id) && points[id].Status is ScoreStatus.MissingEvidence or ScoreStatus.Error)
                .Sum(id => points[id].Max - points[id].Score);
            Assert.Equal(expected, stake);
        }

        Assert.True(items[0].Stake > items[^1].Stake);
    }

    [Fact]
    public void Write_ToAStream_IsTheSameUtf8AsToHtml_AndLeavesTheStreamOpen()
    {
        var card = Samples.Score("national-benchmark-monitoring", "failing");
        using var stream = new MemoryStream();
        ScorecardHtml.Write(card, stream);

        Assert.True(stream.CanWrite);
        Assert.Equal(ScorecardHtml.ToHtml(card), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>The page without the inlined ECharts, and ECharts.</summary>
    private static (string Page, string Library) SplitLibrary(string html)
    {
        const string open = "<script id=\"echarts-lib\">";
        var start = html.IndexOf(open, StringComparison.Ordinal);
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the page inlines ECharts in <script id=\"echarts-lib\">");
        return (html[..start] + html[end..], html[(start + open.Length)..end]);
    }

    /// <summary>The card read back from its JSON with another title for its first indicator: the way to put a hostile title into a card.</summary>
    private static Scorecard WithFirstTitle(Scorecard card, string title)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ScorecardJson.ToJson(card))!.AsObject();
        json["indicators"]![0]!["title"] = new System.Text.Json.Nodes.JsonObject { ["zh"] = title, ["en"] = title };
        return ScorecardJson.Parse(json.ToJsonString()).GetValueOrThrow();
    }

    [GeneratedRegex(@"/\*[\s\S]*?\*/")]
    private static partial Regex Comment();

    [GeneratedRegex(@"https?://[^\s""'`)]*")]
    private static partial Regex Url();

    [GeneratedRegex(@"<li data-key=""(?<key>[^""]+)"">.*?<span class=""stake"">涉及 (?<stake>[0-9.]+) 分</span>")]
    private static partial Regex ToDoItem();
}
