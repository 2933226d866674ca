using Microsoft.Playwright;

namespace IndicatorEngine.Report.Tests;

/// <summary>
/// The province report of a generated batch opened from disk in chromium: the words a reader needs are visible,
/// every chart drew on its canvas, the ranking sorts by a clicked column and filters by a typed city, nothing was
/// requested beyond the file, no script failed. A screenshot is saved in TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProvinceReportInBrowserTests(BrowserFixture fixture)
{
    private const string Henan = "henan-higher-vocational";

    [Fact]
    public async Task ProvinceReport_OpensOffline_DrawsEveryChart_SortsAndFilters()
    {
        var (results, summary) = ProvinceBatch.Of(Henan);
        using var folder = new TempFolder();
        var file = folder.Write("province.html", ProvinceBatch.Page(Henan, results, summary));
        await using var opened = await OpenedPage.OpenAsync(fixture, file);
        var page = opened.Page;

        var text = await page.InnerTextAsync("body");
        Assert.Contains("河南省高等职业学校信息化发展水平评估指标体系", await page.InnerTextAsync("#system-title"), StringComparison.Ordinal);
        var cities = summary.Regions.Where(r => r.Level == Batch.RegionLevel.City).Select(r => r.City!).ToList();
        Assert.True(cities.Count >= 5, $"only {cities.Count} cities");
        Assert.All(cities, city => Assert.Contains(city, text, StringComparison.Ordinal));
        var firstId = await page.GetAttributeAsync("#ranking tbody tr:first-child", "data-id");
        Assert.False(string.IsNullOrEmpty(firstId));
        Assert.Contains(firstId, text, StringComparison.Ordinal);

        foreach (var chart in new[] { "#histogram-chart", "#grade-chart", "#share-chart", "#city-chart" })
        {
            Assert.True(await InkedPixels(page, chart) > 100, $"{chart} drew nothing on its canvas");
        }

        await opened.ScreenshotAsync("province-report");

        // Sorting: the total column, ascending on the first click, descending on the second.
        var totalHeader = page.Locator("#ranking thead th").Nth(5);
        await totalHeader.ClickAsync();
        var ascending = await Totals(page);
        Assert.Equal(ascending.Order(), ascending);
        Assert.Equal("ascending", await totalHeader.GetAttributeAsync("aria-sort"));
        await totalHeader.ClickAsync();
        var descending = await Totals(page);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.Equal(summary.Max, descending[0]);

        // Filtering: typing a city leaves only its schools.
        var city = cities.First(c => c.StartsWith("郑州", StringComparison.Ordinal));
        await page.Locator("#city-filter").PressSequentiallyAsync("郑州");
        var shownCities = await page.EvalOnSelectorAllAsync<string[]>("#ranking tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.city)");
        var expected = summary.Regions.Single(r => r.Level == Batch.RegionLevel.City && r.City == city).Count;
        Assert.Equal(expected, shownCities.Length);
        Assert.All(shownCities, c => Assert.Equal(city, c));
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#ranking-shown"));
        await page.Locator("#city-filter").FillAsync("");
        Assert.Equal(ProvinceBatch.Schools, await page.Locator("#ranking tbody tr:not([hidden])").CountAsync());

        opened.AssertNothingRequestedOrFailed();
    }

    [Fact]
    public async Task Print_LaysTheProvinceReportOutOnA4()
    {
        var (results, _) = ProvinceBatch.Of(Henan);
        using var folder = new TempFolder();
        var file = folder.Write("province.html", ProvinceBatch.Page(Henan, results));
        await using var opened = await OpenedPage.OpenAsync(fixture, file);
        var page = opened.Page;
        await opened.PrintAsync();
        Assert.False(await page.Locator("#city-filter").IsVisibleAsync());
    }

    private static async Task<decimal[]> Totals(IPage page) =>
        (await page.EvalOnSelectorAllAsync<string[]>("#ranking tbody tr", "rows => rows.map(r => r.cells[5].dataset.value)"))
        .Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>How many pixels of the chart's canvas are not blank (any channel non-zero and not white).</summary>
    private static Task<int> InkedPixels(IPage page, string selector) => page.EvalOnSelectorAsync<int>(selector, """
        el => {
          const canvas = el.querySelector('canvas');
          if (!canvas || canvas.width === 0 || canvas.height === 0) { return 0; }
          const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let inked = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            const a = pixels[i + 3];
            if (a > 0 && !(pixels[i] > 250 && pixels[i + 1] > 250 && pixels[i + 2] > 250)) { inked++; }
          }
          return inked;
        }
        """);
}
