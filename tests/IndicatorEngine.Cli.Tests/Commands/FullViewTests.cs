using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary>The default table: every observation point with its score, status and explanation, under its indicators.</summary>
public class FullViewTests
{
    private static Scorecard Score(string system, string sample) =>
        IndicatorSystem.LoadShipped(system).Score(SubjectEvidence.Load(RepoPaths.Sample(system, sample)).GetValueOrThrow());

    /// <summary>The table's lines, header to total.</summary>
    private static string[] Table(string stdout)
    {
        var lines = stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("指标 ", StringComparison.Ordinal));
        var total = Array.FindIndex(lines, Math.Max(header, 0), l => l.StartsWith("总分", StringComparison.Ordinal));
        Assert.True(header >= 0 && total > header, stdout);
        return lines[header..(total + 1)];
    }

    [Theory]
    [MemberData(nameof(ShippedSamplesTests.SystemsAndSamples), MemberType = typeof(ShippedSamplesTests))]
    public void EveryObservationPoint_HasARow_WithItsScoreAndTheStartOfItsExplanation(string system, string sample)
    {
        var result = Cli.Run("score", system, RepoPaths.Sample(system, sample));

        Assert.True(result.ExitCode == 0, result.ToString());
        var table = Table(result.Stdout);
        var scorecard = Score(system, sample);
        var decimals = scorecard.Indicators.SelectMany(i => i.DescendantsAndSelf()).Max(s => Decimals(s.Score));
        foreach (var point in scorecard.ObservationPoints())
        {
            var id = point.Id[(point.Id.LastIndexOf('.') + 1)..];
            var row = Assert.Single(table, l => l.TrimStart().StartsWith(point.Title.Zh + " ", StringComparison.Ordinal) && l.Contains(id + " ", StringComparison.Ordinal));
            Assert.Contains(point.Score.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture) + " / ", row, StringComparison.Ordinal);
            Assert.Contains(" " + Status(point.Status) + " ", row, StringComparison.Ordinal);
            var firstWord = point.Explanation.Split(' ')[0];
            Assert.Contains("  " + firstWord, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PointsAreIndentedUnderTheirIndicators_ByLevel()
    {
        var table = Table(Cli.Run("score", "henan-higher-vocational", RepoPaths.Sample("passing")).Stdout);

        var first = Array.FindIndex(table, l => l.StartsWith("基础设施 ", StringComparison.Ordinal) && l.Contains(" infrastructure ", StringComparison.Ordinal));
        var second = Array.FindIndex(table, l => l.StartsWith("  网络设施 ", StringComparison.Ordinal) && l.Contains(" network ", StringComparison.Ordinal));
        var third = Array.FindIndex(table, l => l.StartsWith("    网络通信 ", StringComparison.Ordinal) && l.Contains(" communication ", StringComparison.Ordinal));
        var point = Array.FindIndex(table, l => l.StartsWith("      出口带宽 ", StringComparison.Ordinal) && l.Contains(" exit-bandwidth ", StringComparison.Ordinal));
        Assert.True(first > 0 && first < second && second < third && third < point, string.Join('\n', table));
        // The explanation wraps where it can; without the blanks the evidence read is in one piece.
        Assert.Contains("exitBandwidthGbps=10，", string.Concat(string.Join("", table[point..(point + 4)]).Where(c => c != ' ')), StringComparison.Ordinal);

        // A group's "sum of its parts → …" only repeats its score and is left out; a blank line before each first level but the first.
        Assert.DoesNotContain(table, l => l.Contains("各项之和", StringComparison.Ordinal));
        Assert.Equal("", table[Array.FindIndex(table, l => l.StartsWith("基础支撑平台 ", StringComparison.Ordinal)) - 1]);
    }

    [Fact]
    public void AWeightedGroup_KeepsItsExplanation()
    {
        var table = Table(Cli.Run("score", "national-benchmark-monitoring", RepoPaths.Sample("national-benchmark-monitoring", "failing")).Stdout);

        Assert.Contains(table, l => l.StartsWith("师生发展 ", StringComparison.Ordinal) && l.Contains("加权平均（", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedSamplesTests.SystemsAndSamples), MemberType = typeof(ShippedSamplesTests))]
    public void ChineseTitlesLineUp_EveryColumnStartsAtTheSameTerminalColumn(string system, string sample)
    {
        var table = Table(Cli.Run("score", system, RepoPaths.Sample(system, sample)).Stdout);

        // Rows with a score (not the rules, blank lines or an explanation's continuation lines): the score's
        // " / " and the status start at one terminal column in every row, whatever the titles' widths.
        var rows = table.Where(l => l.Contains(" / ", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count > 10);
        Assert.Single(rows.Select(l => TerminalWidth.Of(l[..l.IndexOf(" / ", StringComparison.Ordinal)])).Distinct());
        var statusColumn = rows[..^1].Select(StatusColumn).ToList();
        Assert.DoesNotContain(-1, statusColumn);
        Assert.Single(statusColumn.Distinct());
        Assert.All(table, l => Assert.True(TerminalWidth.Of(l) <= 120, $"wider than 120 columns: |{l}|"));
        Assert.All(table, l => Assert.False(l.EndsWith(' '), $"trailing blank in |{l}|"));
    }

    [Fact]
    public void WideCharactersOfEveryKind_LineUp()
    {
        // Titles come from the definition: CJK punctuation, fullwidth forms, kana, Hangul, an ideograph outside the BMP.
        var titles = new[] { "网络、通信「设施」", "ＡＢＣ：（云）", "ひらがなカタカナ", "한국어", "𠀀𪚥" };
        var text = File.ReadAllText(RepoPaths.HenanHigher);
        foreach (var (original, replacement) in new[] { "网络设施", "云模式", "智能环境", "基础运维", "基础服务平台" }.Zip(titles))
        {
            text = text.Replace($"\"zh\": \"{original}\"", $"\"zh\": \"{replacement}\"", StringComparison.Ordinal);
        }

        var system = IndicatorSystem.Parse(text).GetValueOrThrow();
        var scorecard = system.Score(SubjectEvidence.Load(RepoPaths.Sample("passing")).GetValueOrThrow());

        foreach (var view in new[] { ScorecardView.Full, ScorecardView.Compact })
        {
            var rendered = ScorecardTable.Render(scorecard, view, Cli.Redirected);
            var rows = Table(rendered).Where(l => l.Contains(" / ", StringComparison.Ordinal)).ToList();
            foreach (var title in titles)
            {
                Assert.Contains(rows, r => r.TrimStart().StartsWith(title + " ", StringComparison.Ordinal));
            }

            Assert.Single(rows.Select(l => WideWidth(l[..l.IndexOf(" / ", StringComparison.Ordinal)])).Distinct());
        }
    }

    private static int StatusColumn(string row)
    {
        foreach (var status in new[] { "得分", "部分得分", "缺少佐证", "不适用", "错误" })
        {
            var at = row.IndexOf($" {status} ", StringComparison.Ordinal);
            if (at >= 0)
            {
                return TerminalWidth.Of(row[..at]);
            }
        }

        return -1;
    }

    [Fact]
    public void WarmUp_RendersForEveryViewAndTarget()
    {
        // score runs it on the evidence thread and never waits for it; an exception there would go unseen.
        foreach (var view in new[] { ScorecardView.Full, ScorecardView.Compact })
        {
            ScorecardTable.WarmUp(view, Cli.Redirected);
            ScorecardTable.WarmUp(view, new ConsoleTarget(true, true, 90));
            ScorecardTable.WarmUp(view, new ConsoleTarget(false, false, 40)); // too narrow for fixed widths
        }
    }

    /// <summary>Terminal width that also knows kana, Hangul, fullwidth forms and the supplementary ideographs.</summary>
    private static int WideWidth(string text) => text.EnumerateRunes().Sum(r => r.Value switch
    {
        >= 0x3000 and <= 0x30FF => 2,
        >= 0x4E00 and <= 0x9FFF => 2,
        >= 0xAC00 and <= 0xD7A3 => 2,
        >= 0xFF01 and <= 0xFF60 => 2,
        >= 0x20000 and <= 0x3FFFD => 2,
        _ => 1,
    });

    private static int Decimals(decimal value)
    {
        var text = value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.Length - point - 1;
    }

    private static string Status(ScoreStatus status) => status switch
    {
        ScoreStatus.Scored => "得分",
        ScoreStatus.Partial => "部分得分",
        ScoreStatus.MissingEvidence => "缺少佐证",
        ScoreStatus.NotApplicable => "不适用",
        _ => "错误",
    };
}
