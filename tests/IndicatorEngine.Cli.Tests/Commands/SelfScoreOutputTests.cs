namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator score</c> of evidence with self-scores: the column, the over-claims, and an unusable self-score's exit status.</summary>
public class SelfScoreOutputTests
{
    [Fact]
    public void Table_ShowsSelfScoreColumn_AndOverClaimsLargestFirst()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("self-assessed"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.StdoutLines, l => l.StartsWith("指标 ", StringComparison.Ordinal) && l.Contains("自评分（差值）", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.Contains("精品在线开放课程", StringComparison.Ordinal) && l.Contains("15.00 (+5.25)", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("自评总分", StringComparison.Ordinal) && l.Contains("557.50 / 600", StringComparison.Ordinal));
        var overClaims = result.StdoutLines.SkipWhile(l => !l.StartsWith("自评偏高", StringComparison.Ordinal)).Take(7).ToList();
        Assert.Equal(7, overClaims.Count);
        Assert.Contains("resources.building.online-courses", overClaims[0], StringComparison.Ordinal);
        Assert.Contains("(+5.25)", overClaims[0], StringComparison.Ordinal);
        Assert.Contains("infrastructure.network.communication.exit-bandwidth", overClaims[6], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_WithoutSelfScores_HasNoSelfScoreColumn()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "--view", "full");

        Assert.DoesNotContain("自评分（差值）", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("自评总分", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("自评偏高", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfScoreAboveItsPoints_PrintsTheCard_AndExitsTwo_WithThePlace()
    {
        using var folder = Cli.TempFolder();
        var text = File.ReadAllText(RepoPaths.Sample("self-assessed"))
            .Replace("\"infrastructure.network.communication.ipv6\": 2,", "\"infrastructure.network.communication.ipv6\": 20,", StringComparison.Ordinal);
        var file = folder.Write("school.json", text);

        var result = Cli.Run("score", RepoPaths.HenanHigher, file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("536.29 / 600", result.Stdout, StringComparison.Ordinal);
        var error = Assert.Single(result.StderrLines, l => l.Contains("IE206", StringComparison.Ordinal));
        Assert.Contains("school.json:", error, StringComparison.Ordinal);
        Assert.Contains("above its 2 points; give at most 2", error, StringComparison.Ordinal);
        Assert.Contains("(at /selfScores/infrastructure.network.communication.ipv6)", error, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public void Json_CarriesSelfScorePerPoint()
    {
        var result = Cli.Run("score", RepoPaths.HenanHigher, RepoPaths.Sample("self-assessed"), "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"selfScore\": 15", result.Stdout, StringComparison.Ordinal);
    }
}
