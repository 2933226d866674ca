using System.Text.Json;
using System.Text.RegularExpressions;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary>
/// A value the scorecard cannot use ("ten" for a number, NaN, out of range) fails only the observation points that
/// read it; the scorecard is still printed, and the error is also on stderr with exit status 2, as --help says.
/// </summary>
public partial class InvalidEvidenceTests
{
    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<column>\d+): error (?<code>IE\d{3}): (?<message>.+) \(at (?<pointer>/\S*)\)$")]
    private static partial Regex DiagnosticLine();

    private static string WithBandwidth(TempFolder temp, string value) =>
        temp.Write("evidence.json", File.ReadAllText(RepoPaths.Sample("passing"))
            .Replace("\"exitBandwidthGbps\": 10,", $"\"exitBandwidthGbps\": {value},", StringComparison.Ordinal));

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("markdown")]
    public void WrongType_PrintsTheScorecard_AndTheErrorOnStderr_WithExitTwo(string format)
    {
        using var temp = Cli.TempFolder();
        var file = WithBandwidth(temp, "\"ten\"");

        var result = Cli.Run("score", RepoPaths.HenanHigher, file, "--format", format);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("exit-bandwidth", result.Stdout, StringComparison.Ordinal);
        var match = DiagnosticLine().Match(Assert.Single(result.StderrLines));
        Assert.True(match.Success, result.Stderr);
        Assert.Equal(file, match.Groups["file"].Value);
        Assert.Equal("IE201", match.Groups["code"].Value);
        Assert.Equal("/values/exitBandwidthGbps", match.Groups["pointer"].Value);
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.Contains("\"ten\"", StringComparison.Ordinal)) + 1;
        Assert.Equal(line.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["line"].Value);
        Assert.Contains("\"ten\"", match.Groups["message"].Value, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public void WrongType_Json_IsStillAValidScorecard_WithThePointInError()
    {
        using var temp = Cli.TempFolder();
        var result = Cli.Run("score", RepoPaths.HenanHigher, WithBandwidth(temp, "\"ten\""), "-f", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == "IE201" && d.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void OutOfRange_IsExitTwo_ToStderr_EvenWithOut()
    {
        using var temp = Cli.TempFolder();
        var evidence = temp.Write("evidence.json", File.ReadAllText(RepoPaths.Sample("passing"))
            .Replace("\"backboneLevel\": \"10G-redundant\",", "\"backboneLevel\": \"100G\",", StringComparison.Ordinal));
        var card = Path.Combine(temp.Path, "card.txt");

        var result = Cli.Run("score", RepoPaths.HenanHigher, evidence, "--out", card);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains(" error IE203: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Contains("backbone", File.ReadAllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidEvidence_WithWarningsOnly_IsExitZero_WithNothingOnStderr()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("missing-evidence"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void ScoreHelp_SaysSo()
    {
        var help = Cli.Run("score", "--help").Stdout;

        Assert.Contains("also when the scorecard\nhas errors", help, StringComparison.Ordinal);
        Assert.Contains("FILE:LINE:COL: error CODE: message (at /pointer)", help, StringComparison.Ordinal);
    }
}
