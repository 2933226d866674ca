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
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

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

        await using var opened = await OfflinePage.OpenAsync(fixture.Browser, file);
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

        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{system}-{sample}.png"), FullPage = true });

        opened.AssertOfflineAndWithoutErrors();
    }

    [Fact]
    public async Task Print_LaysTheCardOutOnA4()
    {
        var card = Samples.Score("henan-higher-vocational", "missing-evidence");
        using var folder = new TempFolder();
        var file = folder.Write("card.html", ScorecardHtml.ToHtml(card));
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.body.dataset.chartsReady === '1'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);

        // In print the charts take their print size, 180 mm wide (96 CSS pixels to the inch), within A4's 186 mm of text width.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
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
