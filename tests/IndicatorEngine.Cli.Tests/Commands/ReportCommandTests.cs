namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator report</c>: the HTML scorecard written to --out, with score's loading and exit status.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void Report_WritesTheHtmlPage_ExitZero()
    {
        using var folder = Cli.TempFolder();
        var card = Path.Combine(folder.Path, "card.html");

        var result = Cli.Run("report", "henan-higher-vocational", RepoPaths.Sample("missing-evidence"), "--out", card);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var html = File.ReadAllText(card);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("待核实", html, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.partial"));
    }

    [Fact]
    public void Report_InEnglish_UnderAnotherProfile()
    {
        using var folder = Cli.TempFolder();
        var card = Path.Combine(folder.Path, "card.html");

        var result = Cli.Run("report", "henan-higher-vocational", RepoPaths.Sample("passing"), "-o", card, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<html lang=\"en\">", File.ReadAllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithoutOut_IsACommandLineError()
    {
        var result = Cli.Run("report", "henan-higher-vocational", RepoPaths.Sample("passing"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--out' is required", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OfMissingEvidenceFile_ExitTwo_AndWritesNothing()
    {
        using var folder = Cli.TempFolder();
        var card = Path.Combine(folder.Path, "card.html");

        var result = Cli.Run("report", "henan-higher-vocational", Path.Combine(folder.Path, "nope.json"), "--out", card);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(card));
        Assert.Contains("nope.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OfUnknownProfile_ExitTwo()
    {
        using var folder = Cli.TempFolder();

        var result = Cli.Run("report", "henan-higher-vocational", RepoPaths.Sample("passing"), "--out", Path.Combine(folder.Path, "card.html"), "--profile", "nope");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Help_NamesTheCommandAndItsExitStatus()
    {
        var result = Cli.Run("report", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("indicator report <DEFINITION> [<EVIDENCE>] [options]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--batch RESULTS", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Apache ECharts", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit status", result.Stdout, StringComparison.Ordinal);
    }
}
