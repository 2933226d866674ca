namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>score --lang zh|en</c>: the scorecard's words in that language, whatever the format; Chinese without it.</summary>
public class LanguageOptionTests
{
    [Fact]
    public void WithoutLang_TheShippedSystemsScorecardIsChinese()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("missing-evidence"));

        Assert.Contains(result.StdoutLines, l => l.StartsWith("结论", StringComparison.Ordinal) && l.Contains("待核实", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.Contains(" cloud-deployment ", StringComparison.Ordinal) && l.Contains(" 部分得分 ", StringComparison.Ordinal) && l.Contains("上云比例 65 %，目标 80 → 6.5/8 分", StringComparison.Ordinal));
        Assert.Equal(result.Stdout, Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("missing-evidence"), "--lang", "zh").Stdout);
    }

    [Fact]
    public void LangEn_WritesTheTableInEnglish()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("missing-evidence"), "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("Verdict", StringComparison.Ordinal) && l.Contains("undetermined", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("Indicator ", StringComparison.Ordinal) && l.Contains(" Explanation", StringComparison.Ordinal));
        // English titles are longer: the id and the explanation wrap onto a second line.
        var row = Array.FindIndex(result.StdoutLines.ToArray(), l => l.TrimStart().StartsWith("Business systems on the cloud ", StringComparison.Ordinal));
        Assert.True(row >= 0, result.Stdout);
        Assert.Contains(" partial ", result.StdoutLines[row], StringComparison.Ordinal);
        Assert.EndsWith("上云比例 65 %, target 80", result.StdoutLines[row], StringComparison.Ordinal);
        Assert.EndsWith("→ 6.5 of 8", result.StdoutLines[row + 1], StringComparison.Ordinal);
        Assert.DoesNotContain(result.StdoutLines, l => l.Contains("部分得分", StringComparison.Ordinal) || l.Contains("结论", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh", "| `infrastructure.cloud.cloud-deployment` | 业务系统上云 † | 6.50 / 8 | 部分得分 | 上云比例 65 %，目标 80 → 6.5/8 分 |")]
    [InlineData("en", "| `infrastructure.cloud.cloud-deployment` | Business systems on the cloud † | 6.50 / 8 | partial | 上云比例 65 %, target 80 → 6.5 of 8 |")]
    public void Markdown_FollowsTheLanguage(string lang, string row)
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("missing-evidence"), "-f", "markdown", "--lang", lang);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(row, result.StdoutLines);
    }

    [Theory]
    [InlineData("zh", "\"explanation\": \"上云比例 65 %，目标 80 → 6.5/8 分\"")]
    [InlineData("en", "\"explanation\": \"上云比例 65 %, target 80 → 6.5 of 8\"")]
    public void Json_NamesItsLanguage_KeepsTheStatusCodes_AndExplainsInTheLanguage(string lang, string explanation)
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("missing-evidence"), "-f", "json", "--lang", lang);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"\"language\": \"{lang}\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"partial\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(explanation, result.Stdout, StringComparison.Ordinal);
    }
}
