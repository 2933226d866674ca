namespace IndicatorEngine.Report.Tests;

/// <summary>The page of <c>indicator compare --format html</c> opened from disk in chromium: its words, its chart drawn, nothing requested, no script error.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComparisonInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ComparisonPage_OpensOffline_WithTheDeltaChart()
    {
        using var folder = new TempFolder();
        string Run(params string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = IndicatorEngine.Cli.Program.Run(args, stdout, stderr);
            Assert.True(code == 0, $"exit {code}: {stderr}");
            return stdout.ToString();
        }

        var old = folder.File("failing.json");
        var @new = folder.File("passing.json");
        var file = folder.File("compare.html");
        Run("score", "henan-higher-vocational", RepoPaths.Sample("failing"), "--format", "json", "--out", old);
        Run("score", "henan-higher-vocational", RepoPaths.Sample("passing"), "--format", "json", "--out", @new);
        Run("compare", old, @new, "--format", "html", "--out", file);

        await using var opened = await OpenedPage.OpenAsync(fixture, file);
        var page = opened.Page;

        Assert.Contains("未达到申报条件 → 达到申报条件", await page.InnerTextAsync("#verdict"), StringComparison.Ordinal);
        Assert.Contains("+24.77", await page.InnerTextAsync("#changes"), StringComparison.Ordinal);
        var (width, height, paths) = await ScorecardInBrowserTests.Drawn(page, "#delta-chart");
        Assert.True(width > 0 && height > 0 && paths > 0, $"the delta chart drew nothing: {width}×{height}, {paths} paths");
        await opened.ScreenshotAsync("compare");
        opened.AssertNothingRequestedOrFailed();
    }
}
