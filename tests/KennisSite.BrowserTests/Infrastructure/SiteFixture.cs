using KennisSite.Diagnostics;

namespace KennisSite.BrowserTests.Infrastructure;

/// <summary>
/// The browser tests run as two collections side by side (the machine has two cores); both share one <see cref="SiteFixture"/> state.
/// </summary>
public static class BrowserCollection
{
    /// <summary>axe-core on every page kind, and the navigation scenarios.</summary>
    public const string Pages = "Browser: pages";

    /// <summary>Screenshots, catalogue, function profile, keyboard and print.</summary>
    public const string Scenarios = "Browser: scenarios";
}

[CollectionDefinition(BrowserCollection.Pages)]
public sealed class PagesCollection : ICollectionFixture<SiteFixture>;

[CollectionDefinition(BrowserCollection.Scenarios)]
public sealed class ScenariosCollection : ICollectionFixture<SiteFixture>;

/// <summary>
/// What every browser test shares, made once per test run: the repository's sample site built into a temporary folder,
/// a static web server on 127.0.0.1 serving that folder, and one headless Chromium.
/// Each test opens its own browser context (<see cref="OpenAsync"/>), so no state leaks between tests.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "KENNIS_CHROMIUM";
    public const string ArtifactsVariable = "KENNIS_ARTIFACTS";

    // One build, server and browser for all collections: the first fixture starts them, the last one to finish stops them.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Shared? _shared;
    private static int _users;

    public SampleContent Content { get; } = SampleContent.Load(RepoPaths.Root);

    /// <summary>Where screenshots go: $KENNIS_ARTIFACTS, or artifacts/ next to the test binaries.</summary>
    public string ArtifactsFolder { get; } = Path.GetFullPath(Environment.GetEnvironmentVariable(ArtifactsVariable) is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "artifacts"));

    private static Shared State => _shared ?? throw new InvalidOperationException("The site fixture is not started.");

    /// <summary>The built site on disk.</summary>
    public string SiteFolder => State.SiteFolder;

    public IBrowser Browser => State.Browser;

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _shared ??= await Shared.StartAsync();
            _users++;
        }
        finally { Gate.Release(); }
    }

    public async Task DisposeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0 && _shared is not null)
            {
                await _shared.StopAsync();
                _shared = null;
            }
        }
        finally { Gate.Release(); }
    }

    /// <summary>The site's root URL in the given mode: "file" (opened from disk) or "http" (the local server). Ends with '/'.</summary>
    public string BaseUrl(string mode) => mode switch
    {
        "file" => new Uri(SiteFolder + Path.DirectorySeparatorChar).AbsoluteUri,
        "http" => State.Server.BaseUrl,
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

    private sealed class Shared(string temp, StaticSiteServer server, IPlaywright playwright, IBrowser browser)
    {
        public string SiteFolder => Path.Combine(temp, "site");
        public StaticSiteServer Server => server;
        public IBrowser Browser => browser;

        public static async Task<Shared> StartAsync()
        {
            var temp = Path.Combine(Path.GetTempPath(), "kennis-browser-" + Guid.NewGuid().ToString("N")[..12]);
            var result = SiteBuilder.Build(new BuildOptions(RepoPaths.Root, Path.Combine(temp, "site")));
            if (!result.Succeeded)
                throw new InvalidOperationException("The sample site does not build:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));

            var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
            if (!File.Exists(chromium))
                throw new InvalidOperationException($"Chromium not found at {chromium}. Install it (apt-get install -y chromium; tests/run.sh does this) or point {ChromiumVariable} at a Chromium binary.");
            var server = new StaticSiteServer(Path.Combine(temp, "site"));
            // Expectations wait as long as actions do (5 s by default): on a busy two-core CI machine a page that is
            // right can take longer than that to become so, and a wrong one still fails, only later.
            Assertions.SetDefaultExpectTimeout(10_000);
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
            return new Shared(temp, server, playwright, browser);
        }

        public async Task StopAsync()
        {
            await browser.CloseAsync();
            playwright.Dispose();
            server.Dispose();
            try { Directory.Delete(temp, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
