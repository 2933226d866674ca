using Microsoft.Playwright;

namespace IndicatorEngine.Report.Tests;

/// <summary>
/// One headless Debian chromium (/usr/bin/chromium, never a downloaded browser) shared by every browser test.
/// Without it the tests fail with a message saying how to install it (CI's .ci/run installs it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"The HTML report tests need Debian's chromium at {Chromium}, which is missing: install it with 'apt-get install chromium fonts-noto-cjk' (.ci/run does this before the build).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
