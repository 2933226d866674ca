using Microsoft.Playwright;

namespace IndicatorEngine.Report.Tests;

/// <summary>
/// An HTML file opened from disk in its own browser context (1200×900), every request and script error recorded,
/// once its charts say they are ready (<c>document.body.dataset.chartsReady</c>).
/// </summary>
internal sealed class OfflinePage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _requests = [];
    private readonly List<string> _errors = [];

    private OfflinePage(IBrowserContext context, IPage page, string url)
    {
        _context = context;
        Page = page;
        Url = url;
        page.Request += (_, request) => { lock (_requests) { _requests.Add(request.Url); } };
        page.PageError += (_, error) => { lock (_errors) { _errors.Add("page error: " + error); } };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors) { _errors.Add("console error: " + message.Text); }
            }
        };
    }

    public IPage Page { get; }

    public string Url { get; }

    public static async Task<OfflinePage> OpenAsync(IBrowser browser, string file)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var opened = new OfflinePage(context, await context.NewPageAsync(), new Uri(file).AbsoluteUri);
        await opened.Page.GotoAsync(opened.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await opened.Page.WaitForFunctionAsync("() => document.body.dataset.chartsReady === '1'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        return opened;
    }

    /// <summary>No script failed, and nothing was requested but the file itself.</summary>
    public void AssertOfflineAndWithoutErrors()
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

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
