using Microsoft.Playwright;

namespace IndicatorEngine.Report.Tests;

/// <summary>
/// A page file opened in the shared chromium, watched from the start: every request it makes and every script error
/// (an uncaught exception or a console error) are kept for <see cref="AssertNothingRequestedOrFailed"/>.
/// </summary>
internal sealed class OpenedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _requests = [];
    private readonly List<string> _errors = [];

    private OpenedPage(IBrowserContext context, IPage page, string url)
    {
        _context = context;
        Page = page;
        Url = url;
    }

    public IPage Page { get; }

    public string Url { get; }

    /// <summary>Opens <paramref name="file"/> at 1200×900 and waits until its charts say they are drawn.</summary>
    public static async Task<OpenedPage> OpenAsync(BrowserFixture fixture, string file)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var opened = new OpenedPage(context, await context.NewPageAsync(), new Uri(file).AbsoluteUri);
        var page = opened.Page;
        page.Request += (_, request) => { lock (opened._requests) { opened._requests.Add(request.Url); } };
        page.PageError += (_, error) => { lock (opened._errors) { opened._errors.Add("page error: " + error); } };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (opened._errors) { opened._errors.Add("console error: " + message.Text); }
            }
        };

        await page.GotoAsync(opened.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForFunctionAsync("() => document.body.dataset.chartsReady === '1'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        return opened;
    }

    /// <summary>No script failed, and nothing was requested but the file itself.</summary>
    public void AssertNothingRequestedOrFailed()
    {
        lock (_errors)
        {
            Assert.Empty(_errors);
        }

        lock (_requests)
        {
            Assert.All(_requests, requested => Assert.Equal(Url, requested));
        }
    }

    /// <summary>Prints the page to PDF (A4 from its stylesheet) and checks it is one, then shows the page as print media.</summary>
    public async Task PrintAsync()
    {
        var pdf = await Page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
    }

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/NAME.png beside the test assembly.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
