namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary>
/// <c>indicator report DEFINITION --batch RESULTS --out FILE</c>: the results of <c>indicator generate</c> and
/// <c>indicator batch</c> as a province report, and bad input said in one line with exit 2.
/// </summary>
public sealed class ProvinceReportCommandTests
{
    /// <summary>Generates 60 schools, scores them with a summary, and returns the folder's results and summary paths.</summary>
    private static (string Results, string Summary) Batch(TempFolder folder)
    {
        var schools = folder.File("schools.ndjson");
        var results = folder.File("results.ndjson");
        var summary = folder.File("summary.json");
        Assert.Equal(0, Cli.Run("generate", "henan-higher-vocational", "--count", "60", "--seed", "3", "--out", schools).ExitCode);
        var batch = Cli.Run("batch", "henan-higher-vocational", schools, "--out", results, "--summary", summary, "--quiet");
        Assert.True(batch.ExitCode == 0, batch.ToString());
        return (results, summary);
    }

    [Fact]
    public void ProvinceReport_OfABatchAndItsSummary_ExitZero()
    {
        using var folder = Cli.TempFolder();
        var (results, summary) = Batch(folder);
        var page = folder.File("province.html");

        var result = Cli.Run("report", "henan-higher-vocational", "--batch", results, "--summary", summary, "--out", page);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        var html = File.ReadAllText(page);
        Assert.Contains("全省评估报告", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"data sortable\" id=\"ranking\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"unknown\"", html, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.partial"));
    }

    [Fact]
    public void BadLine_IsExitTwo_WithTheFileAndLine_AndNoPage()
    {
        using var folder = Cli.TempFolder();
        var (results, _) = Batch(folder);
        var lines = File.ReadAllLines(results);
        lines[4] = "{ not json";
        File.WriteAllLines(results, lines);
        var page = folder.File("province.html");

        var result = Cli.Run("report", "henan-higher-vocational", "--batch", results, "--out", page);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("results.ndjson:5:1: error IE505: line 5: not JSON", line, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
        Assert.False(File.Exists(page));
    }

    [Theory]
    [InlineData(false, false, "report needs EVIDENCE (one school's scorecard) or --batch RESULTS")]
    [InlineData(true, true, "give EVIDENCE (one school's scorecard) or --batch RESULTS (a province report), not both")]
    public void EvidenceAndBatch_OneOrTheOther(bool evidence, bool batch, string message)
    {
        using var folder = Cli.TempFolder();
        string[] args = ["report", "henan-higher-vocational", "--out", folder.File("x.html"), .. evidence ? [RepoPaths.Sample("passing")] : Array.Empty<string>(), .. batch ? ["--batch", folder.File("r.ndjson")] : Array.Empty<string>()];

        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryOfAnotherSystem_IsExitTwo()
    {
        using var folder = Cli.TempFolder();
        var (results, summary) = Batch(folder);

        var result = Cli.Run("report", "national-benchmark-monitoring", "--batch", results, "--summary", summary, "--out", folder.File("p.html"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the summary is of henan-higher-vocational", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingResults_IsExitTwo()
    {
        using var folder = Cli.TempFolder();

        var result = Cli.Run("report", "henan-higher-vocational", "--batch", folder.File("none.ndjson"), "--out", folder.File("p.html"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("none.ndjson: error: cannot read the results: no such file", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}
