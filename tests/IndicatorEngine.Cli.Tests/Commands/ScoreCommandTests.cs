using System.Globalization;
using System.Text.Json;
using NJsonSchema;

namespace IndicatorEngine.Cli.Tests.Commands;

public class ScoreCommandTests
{
    private static readonly Lazy<JsonSchema> ResultSchema =
        new(() => JsonSchema.FromFileAsync(RepoPaths.ResultSchema).GetAwaiter().GetResult());

    public static TheoryData<string> Samples => new() { "passing", "failing", "vetoed", "missing-evidence" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySample_IsScored_WithExitZero_WhetherOrNotItPasses(string sample)
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample(sample));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Table_ShowsTotalAndPassVerdict()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"));

        Assert.Contains("536.29 / 600", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("结论", StringComparison.Ordinal) && l.Contains("达到申报条件", StringComparison.Ordinal) && !l.Contains("未达到", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.Contains("申报条件 480 分", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("等级", StringComparison.Ordinal) && l.Contains("良好", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_ShowsFailVerdict_ForAFailingSchool()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("failing"));

        Assert.Contains("437.76 / 600", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("结论", StringComparison.Ordinal) && l.Contains("未达到申报条件", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void CompactTable_RowsAllHaveTheSameDisplayWidth(string sample)
    {
        var lines = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample(sample), "--view", "compact").Stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("指标 ", StringComparison.Ordinal));
        var total = Array.FindIndex(lines, header, l => l.StartsWith("总分", StringComparison.Ordinal));
        Assert.True(header >= 0 && total > header, string.Join('\n', lines));
        var table = lines[header..(total + 1)];

        // header + rule + 6 first-level + 17 second-level + rule + total
        Assert.Equal(27, table.Length);
        var widths = table.Select(TerminalWidth.Of).Distinct().ToList();
        Assert.True(widths.Count == 1, "rows differ in width:\n" + string.Join('\n', table.Select(l => $"{TerminalWidth.Of(l),3} |{l}|")));
        Assert.All(table, l => Assert.False(l.EndsWith(' '), $"trailing blank in |{l}|"));
    }

    [Fact]
    public void CompactTable_IndentsSecondLevelIndicators()
    {
        var lines = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "--view", "compact").StdoutLines;

        Assert.Contains(lines, l => l.StartsWith("基础设施 ", StringComparison.Ordinal) && l.Contains(" infrastructure ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  网络设施 ", StringComparison.Ordinal) && l.Contains(" infrastructure.network ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("exit-bandwidth", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_ShowsVetoWithItsReason()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("vetoed"));

        Assert.Equal(0, result.ExitCode);
        var veto = Entry(result.StdoutLines, "一票否决");
        Assert.Contains("major-security-incident", veto, StringComparison.Ordinal);
        Assert.Contains("majorSecurityIncidents3y", veto, StringComparison.Ordinal);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("结论", StringComparison.Ordinal) && l.Contains("未达到申报条件", StringComparison.Ordinal));

        // A vetoed school is not graded, and the card says why.
        Assert.Contains(result.StdoutLines, l => l.StartsWith("等级", StringComparison.Ordinal) && l.Contains("不评等级", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_ShowsAnUndeterminedVerdict_WithBothBounds_AndTheUndecidedVeto()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("missing-evidence"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("结论", StringComparison.Ordinal) && l.Contains("待核实", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.Contains("总分区间 471.04 – 554.04 分", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("等级", StringComparison.Ordinal) && l.Contains("达标", StringComparison.Ordinal) && l.Contains("优秀", StringComparison.Ordinal));
        var veto = Entry(result.StdoutLines, "一票否决");
        Assert.Contains("待核实", veto, StringComparison.Ordinal);
        Assert.Contains("majorSecurityIncidents3y", veto, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_ListsMissingEvidence()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("missing-evidence"));

        foreach (var key in new[] { "campusHeadcount", "cernetBandwidthMbps", "itBudgetRatio", "learningVisibilityScore", "majorSecurityIncidents3y", "mlpsPassRatio", "onlineOpenCourses" })
        {
            Assert.Contains(result.StdoutLines, l => l.Contains(key + " ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Json_IsValidAgainstTheResultSchema_AndCarriesTheLibrarysScores(string sample)
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample(sample), "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var errors = ResultSchema.Value.Validate(result.Stdout);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        var scorecard = IndicatorSystem.Load(RepoPaths.HenanHigher).GetValueOrThrow()
            .Score(SubjectEvidence.Load(RepoPaths.Sample(sample)).GetValueOrThrow());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(scorecard.Total, root.GetProperty("total").GetDecimal());
        Assert.Equal(scorecard.Verdict.ToString().ToLowerInvariant(), root.GetProperty("verdict").GetString());
        Assert.Equal(scorecard.Vetoed, root.GetProperty("vetoed").GetBoolean());
        Assert.Equal(scorecard.Grade?.Id, root.GetProperty("grade") is { ValueKind: JsonValueKind.Object } grade ? grade.GetProperty("id").GetString() : null);
        Assert.Equal(scorecard.TotalUpperBound, root.GetProperty("totalUpperBound").GetDecimal());
        var leaves = root.GetProperty("indicators").EnumerateArray().SelectMany(Leaves).ToList();
        Assert.Equal(scorecard.ObservationPoints().Select(p => (p.Id, p.Score)), leaves);
    }

    [Fact]
    public void Json_WritesDecimalsExactly()
    {
        // 7 × 4.5 ÷ 20 = 1.575 rounds half away from zero to 1.58 only in decimal arithmetic.
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("failing"), "-f", "json");

        Assert.Contains("\"total\": 437.76,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"score\": 1.58,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"partial\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("伏牛山智能工程职业学院", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HasATablePerFirstLevelIndicator_ListingEveryObservationPoint()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "--format=markdown");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.StartsWith("# ", lines[0]);
        Assert.Equal(6, lines.Count(l => l.StartsWith("| 编号 |", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("|---|", StringComparison.Ordinal));
        var pointRows = lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Count(c => c == '|') == 6).ToList();
        Assert.Equal(51, pointRows.Count);
        Assert.Contains(pointRows, r => r.StartsWith(@"| `infrastructure.network.communication.exit-bandwidth` | 出口带宽 \* | 2.54 / 3 | 部分得分 |", StringComparison.Ordinal));
        Assert.Contains("**536.29** / 600", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedId_CanStandForTheDefinitionFile()
    {
        var byId = Cli.Run("score", "henan-higher-vocational", RepoPaths.Sample("passing"), "-f", "json");
        var byFile = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "-f", "json");

        Assert.Equal(0, byId.ExitCode);
        Assert.Equal(byFile.Stdout, byId.Stdout);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("markdown")]
    public void Out_WritesTheScorecardToTheFile_AndNothingToStdout(string format)
    {
        using var temp = Cli.TempFolder();
        var file = Path.Combine(temp.Path, "card." + format);

        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "--format", format, "--out", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
        var printed = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "--format", format).Stdout;
        Assert.Equal(printed, File.ReadAllText(file));
    }

    [Fact]
    public void Out_IntoAMissingFolder_IsExitTwo()
    {
        var file = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "card.txt");

        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "-o", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot write", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public void KnownProfile_IsAccepted()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "--profile", "higher-vocational");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void UnknownProfile_IsIE107_OnStderr_WithExitTwo()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "--profile", "kindergarten");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(" error IE107: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Contains("kindergarten", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingEvidenceFile_IsIE001_WithExitTwo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-evidence.json");

        var result = Cli.Run("score", RepoPaths.HenanHigher, missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"{missing}: error IE001: ", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void MissingDefinitionFile_IsIE001_WithExitTwo()
    {
        var result = Cli.Run("score", "no-such-system.json", RepoPaths.Sample("passing"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("no-such-system.json: error IE001: ", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void MalformedEvidence_IsReportedWithLineAndColumn()
    {
        using var temp = Cli.TempFolder();
        var file = temp.Write("evidence.json", "{\n  \"id\": \"S1\",\n  \"values\": { \"campusHeadcount\": 12, }\n}\n");

        var result = Cli.Run("score", RepoPaths.HenanHigher, file);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:3:\d+: error IE003: ", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void TooLargeInput_IsIE002()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "--max-file-size", "1k");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(" error IE002: ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "html")]
    [InlineData("--max-file-size", "lots")]
    [InlineData("--max-file-size", "0")]
    [InlineData("--frobnicate")]
    [InlineData("--profile")]
    public void BadOption_IsAUsageError(params string[] option)
    {
        var result = Cli.Run(["score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), .. option]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("indicator: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: indicator score", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongNumberOfOperands_IsAUsageError()
    {
        Assert.Equal(2, Cli.Run("score", RepoPaths.HenanHigher).ExitCode);
        Assert.Equal(2, Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), RepoPaths.Sample("failing")).ExitCode);
    }

    /// <summary>A labelled line of the summary with the lines it wraps onto (120 columns): those are indented under its value.</summary>
    internal static string Entry(string[] lines, string label)
    {
        var start = Array.FindIndex(lines, l => l.StartsWith(label, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no line starts with {label}:\n{string.Join('\n', lines)}");
        var entry = lines[start];
        for (var i = start + 1; i < lines.Length && lines[i].StartsWith("  ", StringComparison.Ordinal); i++)
        {
            entry += " " + lines[i].Trim();
        }

        return entry;
    }

    private static IEnumerable<(string Id, decimal Score)> Leaves(JsonElement node)
    {
        var children = node.GetProperty("children");
        if (children.GetArrayLength() == 0)
        {
            return [(node.GetProperty("id").GetString()!, node.GetProperty("score").GetDecimal())];
        }

        return children.EnumerateArray().SelectMany(Leaves);
    }
}
