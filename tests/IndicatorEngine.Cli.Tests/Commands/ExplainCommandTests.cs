using System.Text.Json;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator explain</c>: the trace of every number, in text (zh/en) and JSON, for the whole card or one node.</summary>
public sealed class ExplainCommandTests
{
    [Fact]
    public void Explain_OnePoint_ShowsRuleValuesNumbersAndScore()
    {
        var result = Cli.Run("explain", "henan-higher-vocational", RepoPaths.Sample("passing"), "--indicator", "infrastructure.cloud.cloud-deployment");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("观测点 infrastructure.cloud.cloud-deployment", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("规则：{\"type\":\"linear\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(cloudSystemsRatio) = 65", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("→ 6.5/8 分", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("一票否决", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WholeTree_EndsWithVetoesAndTheVerdictsBounds()
    {
        var result = Cli.Run("explain", "henan-higher-vocational", RepoPaths.Sample("missing-evidence"), "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("indicator infrastructure ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("condition: majorSecurityIncidents3y ≥ 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("upper bound (open points at full points) 554.04", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("total (lower bound, open points at 0) 471.04", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WeightedMean_ListsEachPartWithItsWeight()
    {
        var result = Cli.Run("explain", "national-benchmark-monitoring", RepoPaths.Sample("national-benchmark-monitoring", "passing"), "-i", "development", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("aggregation: weighted mean, scaled to 20", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("development.student-learning-info 9.33 of 10 × 2", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_FiredVeto_SaysWhichValueFiredIt()
    {
        var result = Cli.Run("explain", "henan-higher-vocational", RepoPaths.Sample("vetoed"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("读取：majorSecurityIncidents3y = 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("结果：触发", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_AsJson_HasEveryNodeTopDown_WithReadsAndTheVerdict()
    {
        var result = Cli.Run("explain", "henan-higher-vocational", RepoPaths.Sample("passing"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var nodes = root.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal("infrastructure", nodes[0].GetProperty("id").GetString());
        Assert.Equal(51, nodes.Count(n => n.GetProperty("kind").GetString() == "observation-point"));
        var cloud = nodes.Single(n => n.GetProperty("id").GetString() == "infrastructure.cloud.cloud-deployment");
        Assert.Equal("linear", cloud.GetProperty("rule").GetProperty("type").GetString());
        Assert.Equal(65m, cloud.GetProperty("reads")[0].GetProperty("value").GetDecimal());
        Assert.Equal(6.5m, cloud.GetProperty("score").GetDecimal());
        Assert.Equal("not-fired", root.GetProperty("vetoes")[0].GetProperty("state").GetString());
        Assert.Equal(536.29m, root.GetProperty("verdict").GetProperty("total").GetDecimal());
        Assert.Equal("passed", root.GetProperty("verdict").GetProperty("verdict").GetString());
    }

    [Fact]
    public void Explain_UnknownIndicator_ExitTwo_ListingNearIds()
    {
        var result = Cli.Run("explain", "henan-higher-vocational", RepoPaths.Sample("passing"), "--indicator", "cloud-deployment");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("no indicator or observation point has the id 'cloud-deployment'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("near ids: infrastructure.cloud.cloud-deployment", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public void Explain_OfMissingEvidenceFile_ExitTwo()
    {
        using var folder = Cli.TempFolder();

        var result = Cli.Run("explain", "henan-higher-vocational", Path.Combine(folder.Path, "nope.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.json", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }
}
