using KennisSite.Diagnostics;

namespace KennisSite.BrowserTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Shared by every browser test, made once: the repository's sample site built into a temporary folder,
/// a static web server on 127.0.0.1 serving that folder, and one headless Chromium.
/// Each test opens its own browser context (<see cref="OpenAsync"/>), so no state leaks between tests.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "KENNIS_CHROMIUM";
    public const string ArtifactsVariable = "KENNIS_ARTIFACTS";

    private readonly string _temp = Path.Combine(Path.GetTempPath(), "kennis-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private StaticSiteServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The built site on disk.</summary>
    public string SiteFolder => Path.Combine(_temp, "site");

    public SampleContent Content { get; } = SampleContent.Load(RepoPaths.Root);

    /// <summary>Where screenshots go: $KENNIS_ARTIFACTS, or artifacts/ next to the test binaries.</summary>
    public string ArtifactsFolder { get; } = Path.GetFullPath(Environment.GetEnvironmentVariable(ArtifactsVariable) is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "artifacts"));

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        var result = SiteBuilder.Build(new BuildOptions(RepoPaths.Root, SiteFolder));
        if (!result.Succeeded)
            throw new InvalidOperationException("The sample site does not build:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));

        _server = new StaticSiteServer(SiteFolder);

        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}. Install it (apt-get install -y chromium; tests/run.sh does this) or point {ChromiumVariable} at a Chromium binary.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>The site's root URL in the given mode: "file" (opened from disk) or "http" (the local server). Ends with '/'.</summary>
    public string BaseUrl(string mode) => mode switch
    {
        "file" => new Uri(SiteFolder + Path.DirectorySeparatorChar).AbsoluteUri,
        "http" => (_server ?? throw new InvalidOperationException("The server is not started.")).BaseUrl,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use \"file\" or \"http\"."),
    };

    /// <summary>A fresh browser context and page for one test, watching for errors and requests that leave the site.</summary>
    public async Task<SiteSession> OpenAsync(string mode, int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = "nl-BE",
            JavaScriptEnabled = javaScript,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        var page = await context.NewPageAsync();
        return new SiteSession(this, mode, BaseUrl(mode), context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
        try { Directory.Delete(_temp, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
