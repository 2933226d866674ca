using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Report.Tests;

/// <summary>The province report's page as text: what it says, from the batch's own results and summary.</summary>
public sealed partial class BatchReportHtmlTests
{
    private const string Henan = "henan-higher-vocational";

    [Fact]
    public void Page_HasTheSystemTitle_EveryCity_AndEverySchoolRankedFromOne()
    {
        var (results, summary) = ProvinceBatch.Of(Henan);
        var html = ProvinceBatch.Page(Henan, results);

        Assert.Contains("<h1 id=\"system-title\">河南省高等职业学校信息化发展水平评估指标体系", html, StringComparison.Ordinal);
        foreach (var city in summary.Regions.Where(r => r.Level == RegionLevel.City))
        {
            Assert.Contains($"<tr data-region=\"{city.City}\">", html, StringComparison.Ordinal);
        }

        var rows = RankingRow().Matches(html);
        Assert.Equal((int)summary.Scored, rows.Count);
        var ranks = rows.Select(m => long.Parse(m.Groups["rank"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(1, ranks[0]);
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(summary.Max, decimal.Parse(rows[0].Groups["total"].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Ranks_AreTheBatchsOwn()
    {
        var (results, _) = ProvinceBatch.Of(Henan);
        var html = ProvinceBatch.Page(Henan, results);
        var onPage = RankingRow().Matches(html).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["rank"].Value, StringComparer.Ordinal);

        foreach (var line in ProvinceBatch.Lines(results).Select(l => JsonNode.Parse(l)!.AsObject()).Where(l => l["error"] is null))
        {
            Assert.Equal(line["rank"]!.ToString(), onPage[line["subject"]!["id"]!.GetValue<string>()]);
        }
    }

    [Fact]
    public void Histogram_CountsEverySchool_WithThePassBar()
    {
        var (results, summary) = ProvinceBatch.Of(Henan);
        var data = ChartData(ProvinceBatch.Page(Henan, results));

        var bins = data["histogram"]!["bins"]!.AsArray();
        Assert.Equal(30, bins.Count);
        Assert.Equal(summary.Scored, bins.Sum(b => b!["count"]!.GetValue<long>()));
        Assert.Equal([480m], data["histogram"]!["thresholds"]!.AsArray().Select(t => t!.GetValue<decimal>()));
        Assert.Equal(summary.Grades.Select(g => g.Count), data["grades"]!.AsArray().Select(g => g!["count"]!.GetValue<long>()));
        Assert.Equal(6, data["shares"]!.AsArray().Count);
    }

    [Fact]
    public void Weakest_ListsFirstLevelIndicators_LowestMeanShareFirst()
    {
        var (results, summary) = ProvinceBatch.Of(Henan);
        var html = ProvinceBatch.Page(Henan, results);
        var section = html[html.IndexOf("id=\"weakest-first\"", StringComparison.Ordinal)..html.IndexOf("id=\"weakest-points\"", StringComparison.Ordinal)];
        var ids = DataId().Matches(section).Select(m => m.Groups["id"].Value).ToList();

        Assert.Equal(summary.Indicators.OrderBy(s => s.MeanShare).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id), ids);
        var points = html[html.IndexOf("id=\"weakest-points\"", StringComparison.Ordinal)..html.IndexOf("class=\"rollup\"", StringComparison.Ordinal)];
        Assert.Equal(10, DataId().Matches(points).Count);
    }

    [Fact]
    public void Targets_ThatReadEvidence_NeedTheBatchsSummary()
    {
        var (results, summary) = ProvinceBatch.Of(Henan);

        var without = ProvinceBatch.Page(Henan, results);
        Assert.Contains("<td class=\"unknown\"", without, StringComparison.Ordinal);

        var with = ProvinceBatch.Page(Henan, results, summary);
        Assert.DoesNotContain("<td class=\"unknown\"", with, StringComparison.Ordinal);
        var target = summary.Targets.First(t => t.Id == "teacher-online-spaces");
        var words = target.Achieved ? "达成" : "未达成";
        Assert.Contains($"<td class=\"{(target.Achieved ? "met" : "missed")}\">{words} {target.Value.ToString(CultureInfo.InvariantCulture)}</td>", with, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_DecidedByTheVerdict_AreCountedFromTheResults_AsTheBatchCounts()
    {
        const string secondary = "henan-secondary-vocational";
        var (results, summary) = ProvinceBatch.Of(secondary);
        var html = ProvinceBatch.Page(secondary, results);
        // The overlay keeps the higher-vocational targets (evidence means) and adds its own, decided by the verdict.
        var target = summary.Targets.Single(t => t.Id == "standardized-digital-campus");
        var all = html[html.IndexOf("<tr data-region=\"全部\">", StringComparison.Ordinal)..];
        all = all[..all.IndexOf("</tr>", StringComparison.Ordinal)];

        Assert.Contains($"{(target.Achieved ? "达成" : "未达成")} {target.Value.ToString(CultureInfo.InvariantCulture)}%</td>", all, StringComparison.Ordinal);
        Assert.Equal(summary.Targets.Count(t => t.Kind == TargetKind.Mean), Regex.Count(all, "<td class=\"unknown\""));
    }

    [Fact]
    public void ErrorRecords_AreCounted_AndListed()
    {
        var (results, _) = ProvinceBatch.Of(Henan);
        var lines = ProvinceBatch.Lines(results).ToList();
        lines.Add("""{"record":201,"id":"X-1","error":{"code":"IE501","message":"schools.ndjson:201:1: error IE501: blank line"},"diagnostics":[]}""");

        var html = ProvinceBatch.Page(Henan, ProvinceBatch.Bytes(lines));

        Assert.Contains("<dt>错误记录</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("记录 201 X-1: schools.ndjson:201:1: error IE501: blank line", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "line 3: not JSON")]
    [InlineData("[1, 2]", "line 3: not a result line (a JSON array, not an object); each line must be one result or error record")]
    [InlineData("   ", "line 3: blank line; each line must be one result or error record")]
    [InlineData("""{"record":3,"subject":{"id":"a"},"total":1,"passThreshold":480,"verdict":"passed","indicators":[]}""", "line 3: \"max\" must be a number")]
    [InlineData("""{"record":3,"subject":{"id":"a"},"total":1,"max":600,"verdict":"passed","indicators":[]}""", "line 3: \"passThreshold\" must be a number")]
    [InlineData("""{"record":3,"subject":{"id":"a"},"total":1,"max":600,"passThreshold":480,"verdict":"passed","indicators":[{"id":"infrastructure","score":"x"}]}""", "line 3: indicator 'infrastructure' has no number \"score\"")]
    [InlineData("""{"record":3,"subject":{"id":"a"},"total":1,"max":600,"passThreshold":480,"verdict":"passed"}""", "line 3: the result has no \"indicators\"; score the batch with --detail indicators")]
    [InlineData("""{"record":3,"subject":{"id":"a"},"total":1,"max":100,"passThreshold":60,"verdict":"passed","indicators":[]}""", "line 3: the result is out of 100 points, but henan-higher-vocational has 600")]
    [InlineData("""{"record":3,"subject":{"id":"a"},"total":"x","max":600}""", "line 3: \"total\" must be a number")]
    public void BadLine_StopsTheReport_NamingItsLine(string line, string message)
    {
        var (results, _) = ProvinceBatch.Of(Henan);
        var lines = ProvinceBatch.Lines(results).Take(2).Append(line);

        var e = Assert.Throws<IndicatorLoadException>(() => ProvinceBatch.Page(Henan, ProvinceBatch.Bytes(lines)));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(DiagnosticCodes.BadResultLine, d.Code);
        Assert.Equal(3, d.Line);
        Assert.Equal("results.ndjson", d.File);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryOfAnotherBatch_IsRefused()
    {
        var (results, summary) = ProvinceBatch.Of(Henan);
        var half = ProvinceBatch.Bytes(ProvinceBatch.Lines(results).Take(100));

        var e = Assert.Throws<IndicatorLoadException>(() => ProvinceBatch.Page(Henan, half, summary));
        Assert.Contains("the results hold 100 records but the summary counts 200", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ProvinceBatch.Page("henan-secondary-vocational", results, summary));
    }

    [Fact]
    public void HostileSchoolName_IsEscaped()
    {
        var (results, _) = ProvinceBatch.Of(Henan);
        var lines = ProvinceBatch.Lines(results).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        lines[0]["subject"]!["name"] = "<script>alert(1)</script>";

        var html = ProvinceBatch.Page(Henan, ProvinceBatch.Bytes(lines.Select(l => l.ToJsonString())));

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void BidiCharactersInASchoolName_AreShownAsEscapes()
    {
        var (results, _) = ProvinceBatch.Of(Henan);
        var lines = ProvinceBatch.Lines(results).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        lines[0]["subject"]!["name"] = "第一\u202E学院";

        var html = ProvinceBatch.Page(Henan, ProvinceBatch.Bytes(lines.Select(l => l.ToJsonString())));

        Assert.Contains(@"第一\u202E学院", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', html);
    }

    [Fact]
    public void BidiCharactersInACityName_AreShownAsEscapes_InTheChartsToo()
    {
        var (results, _) = ProvinceBatch.Of(Henan);
        var lines = ProvinceBatch.Lines(results).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        foreach (var line in lines.Where(l => l["subject"]?["region"] is JsonObject))
        {
            line["subject"]!["region"]!["city"] = "郑\u202E州";
        }

        var html = ProvinceBatch.Page(Henan, ProvinceBatch.Bytes(lines.Select(l => l.ToJsonString())));

        // The charts draw on a canvas from #chart-data: its strings, once decoded, must hold the escape, not the character.
        const string Open = "<script id=\"chart-data\" type=\"application/json\">";
        var start = html.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var data = JsonNode.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)])!;
        var cities = data["cities"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal([@"郑\u202E州"], cities);
        Assert.DoesNotContain('\u202E', html);
    }

    [Fact]
    public void Page_IsSelfContained_AndInEnglishWhenAsked()
    {
        var (results, _) = ProvinceBatch.Of(Henan);
        var html = ProvinceBatch.Page(Henan, results, language: Language.English);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Ranking", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SameResults_SamePage()
    {
        var (results, _) = ProvinceBatch.Of(Henan);
        Assert.Equal(ProvinceBatch.Page(Henan, results), ProvinceBatch.Page(Henan, results));
    }

    private static JsonObject ChartData(string html)
    {
        const string start = "<script id=\"chart-data\" type=\"application/json\">";
        var from = html.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return JsonNode.Parse(html[from..html.IndexOf("</script>", from, StringComparison.Ordinal)])!.AsObject();
    }

    [GeneratedRegex(@"<tr data-id=""(?<id>[^""]+)"" data-city=""[^""]*""><td data-value=""(?<rank>\d+)"">.*?<td class=""num"" data-value=""(?<total>[0-9.]+)"">")]
    private static partial Regex RankingRow();

    [GeneratedRegex(@"<tr data-id=""(?<id>[^""]+)"">")]
    private static partial Regex DataId();
}
