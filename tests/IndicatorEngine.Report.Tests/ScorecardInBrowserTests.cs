using Microsoft.Playwright;

namespace IndicatorEngine.Report.Tests;

/// <summary>
/// Every shipped sample's HTML scorecard opened from disk in chromium: the words a reader needs are visible, both
/// charts drew, nothing was requested beyond the file itself, no script failed. A screenshot of each is saved in
/// TestResults/screenshots beside the test assembly.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScorecardInBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public async Task Sample_OpensOffline_WithItsWordsAndBothCharts(string system, string sample)
    {
        var card = Samples.Score(system, sample);
        using var folder = new TempFolder();
        var file = folder.File($"{system}-{sample}.html");
        using (var stream = File.Create(file))
        {
            ScorecardHtml.Write(card, stream);
        }

        await using var opened = await OpenedPage.OpenAsync(fixture, file);
        var page = opened.Page;

        var text = await page.InnerTextAsync("body");
        Assert.Contains(Samples.SchoolName(card), text, StringComparison.Ordinal);
        Assert.Contains(Samples.VerdictWords(card), await page.InnerTextAsync("#verdict"), StringComparison.Ordinal);
        foreach (var first in card.Indicators)
        {
            Assert.Contains(Samples.Title(first.Title, card.Language), text, StringComparison.Ordinal);
        }

        foreach (var chart in new[] { "#radar-chart", "#bar-chart" })
        {
            var (width, height, paths) = await Drawn(page, chart);
            Assert.True(width > 0 && height > 0, $"{chart} has no size: {width}×{height}");
            Assert.True(paths > 0, $"{chart} drew nothing (no svg path)");
        }

        await opened.ScreenshotAsync($"{system}-{sample}");
        opened.AssertNothingRequestedOrFailed();
    }

    [Fact]
    public async Task SelfAssessedSample_ShowsItsOverClaims_LargestFirst()
    {
        var card = Samples.Score("henan-higher-vocational", "self-assessed");
        using var folder = new TempFolder();
        var file = folder.Write("self-assessed.html", ScorecardHtml.ToHtml(card));
        await using var opened = await OpenedPage.OpenAsync(fixture, file);
        var page = opened.Page;

        Assert.True(await page.Locator("#overclaims").IsVisibleAsync());
        var ids = await page.EvalOnSelectorAllAsync<string[]>("#overclaims tbody tr", "rows => rows.map(r => r.dataset.point)");
        Assert.Equal(card.OverClaims().Select(p => p.Id), ids);
        Assert.Equal("+5.25", await page.InnerTextAsync("#overclaims tbody tr:first-child td.over"));
        Assert.Contains("557.50 / 600", await page.InnerTextAsync("header"), StringComparison.Ordinal);
        await opened.ScreenshotAsync("henan-higher-vocational-self-assessed");
        opened.AssertNothingRequestedOrFailed();
    }

    [Fact]
    public async Task Print_LaysTheCardOutOnA4()
    {
        var card = Samples.Score("henan-higher-vocational", "missing-evidence");
        using var folder = new TempFolder();
        var file = folder.Write("card.html", ScorecardHtml.ToHtml(card));
        await using var opened = await OpenedPage.OpenAsync(fixture, file);
        var page = opened.Page;
        await opened.PrintAsync();
        // In print the charts take their print size, 180 mm wide (96 CSS pixels to the inch), within A4's 186 mm of text width.
        var width = await page.EvalOnSelectorAsync<double>("#radar-chart", "el => el.getBoundingClientRect().width");
        Assert.InRange(width, 180 / 25.4 * 96 - 1, 180 / 25.4 * 96 + 1);
    }

    internal static async Task<(double Width, double Height, int Paths)> Drawn(IPage page, string selector)
    {
        var size = await page.EvalOnSelectorAsync<double[]>(selector, """
            el => {
              const svg = el.querySelector('svg');
              if (!svg) { return [0, 0, 0]; }
              const box = svg.getBoundingClientRect();
              return [box.width, box.height, svg.querySelectorAll('path').length];
            }
            """);
        return (size[0], size[1], (int)size[2]);
    }
}
