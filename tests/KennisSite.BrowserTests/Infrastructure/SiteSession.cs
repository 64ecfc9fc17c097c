using System.Collections.Concurrent;

namespace KennisSite.BrowserTests.Infrastructure;

/// <summary>
/// One test's browser context and page on the built site, in one mode (file:// or http://127.0.0.1).
/// It records every page error, console error, failed request, error response and request that leaves the site;
/// <see cref="AssertNoProblems"/> fails the test with the whole list.
/// </summary>
public sealed class SiteSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, bool> _expectedNotFound = new(StringComparer.Ordinal);

    public SiteSession(SiteFixture site, string mode, string baseUrl, IBrowserContext context, IPage page)
    {
        Site = site;
        Mode = mode;
        BaseUrl = baseUrl;
        Context = context;
        Page = page;
        page.PageError += (_, error) => _problems.Enqueue($"page error on {Relative(page.Url)}: {error}");
        page.Crash += (_, _) => _problems.Enqueue($"the page crashed on {Relative(page.Url)}");
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            // The browser itself asks every web server for /favicon.ico (the site declares no icon); that is not a request of the page.
            if (message.Location.StartsWith(BaseUrl + "favicon.ico", StringComparison.Ordinal)) return;
            // Chromium logs every error response once more as a console error; an expected 404 is no problem.
            if (message.Text.StartsWith("Failed to load resource: the server responded with a status of 404", StringComparison.Ordinal)
                && _expectedNotFound.Keys.Any(url => message.Location.StartsWith(url, StringComparison.Ordinal))) return;
            _problems.Enqueue($"console error on {Relative(page.Url)}: {message.Text} (at {message.Location})");
        };
        page.Request += (_, request) =>
        {
            if (!IsInsideSite(request.Url))
                _problems.Enqueue($"request left the site from {Relative(page.Url)}: {request.Method} {request.Url}");
        };
        page.RequestFailed += (_, request) =>
            _problems.Enqueue($"failed request from {Relative(page.Url)}: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !_expectedNotFound.ContainsKey(response.Url))
                _problems.Enqueue($"error response from {Relative(page.Url)}: {response.Status} {response.Url}");
        };
    }

    public SiteFixture Site { get; }

    /// <summary>"file" or "http".</summary>
    public string Mode { get; }

    /// <summary>The site's root, ending with '/'.</summary>
    public string BaseUrl { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Problems => _problems.ToList();

    /// <summary>The absolute URL of a path in the site ("themas/index.html", "zoeken/index.html?q=x").</summary>
    public string Url(string path) => BaseUrl + path;

    /// <summary>A URL as a path inside the site, for messages and assertions ("praktijkvoorbeelden/index.html#toeleiding=2").</summary>
    public string Relative(string url) => url.StartsWith(BaseUrl, StringComparison.Ordinal) ? url[BaseUrl.Length..] : url;

    /// <summary>The page's current location inside the site, without query or fragment, with folder URLs completed by index.html.</summary>
    public string CurrentPath
    {
        get
        {
            var path = Relative(Page.Url).Split('#', '?')[0];
            return path == "" || path.EndsWith('/') ? path + "index.html" : path;
        }
    }

    public bool IsInsideSite(string url) =>
        url.StartsWith(BaseUrl, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)
        || url.StartsWith("blob:", StringComparison.Ordinal) || url == "about:blank";

    /// <summary>Opens a path of the site and waits until it has loaded; over HTTP the response must be 200.</summary>
    public async Task GotoAsync(string path)
    {
        // Only the fragment differs: the browser would stay on the page without loading it again, so start from a blank page.
        if (Page.Url.Split('#')[0] == Url(path).Split('#')[0] && path.Contains('#'))
            await Page.GotoAsync("about:blank");
        var response = await Page.GotoAsync(Url(path), new() { WaitUntil = WaitUntilState.Load });
        if (Mode == "http")
        {
            Assert.NotNull(response);
            Assert.True(response.Status == 200, $"{path} answered {response.Status} over HTTP.");
        }
    }

    /// <summary>Opens a URL that must answer 404 over HTTP (the site's 404 page); that one error response is expected.</summary>
    public async Task GotoNotFoundAsync(string path)
    {
        var url = Url(path);
        _expectedNotFound[url] = true;
        var response = await Page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
    }

    /// <summary>Clicks something that leads to another page and waits until that page has loaded.</summary>
    public async Task ClickAndWaitForPageAsync(ILocator link)
    {
        var before = Page.Url.Split('#')[0];
        await link.ClickAsync();
        await WaitForPageAsync(url => url.Split('#')[0] != before, "another page than " + Relative(before));
    }

    /// <summary>Presses a key that leads to another page (Enter on a link) and waits until that page has loaded.</summary>
    public async Task PressAndWaitForPageAsync(string key, string expectedUrl)
    {
        await Page.Keyboard.PressAsync(key);
        await WaitForPageAsync(url => url == expectedUrl, Relative(expectedUrl));
    }

    /// <summary>
    /// Waits until the page's address matches, then until that page has loaded. (Polling the address: Playwright's WaitForURL can miss
    /// a navigation that commits between pressing and waiting, and then waits for one that never comes. Asking the page itself
    /// whether it has loaded, for a like reason: once, on a clean clone, WaitForLoadState(Load) waited its 15 s out although
    /// Playwright had seen the page's network go idle.)
    /// </summary>
    public async Task WaitForPageAsync(Func<string, bool> arrived, string what, int timeoutMs = 15_000)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!arrived(Page.Url))
        {
            if (clock.ElapsedMilliseconds > timeoutMs) Assert.Fail($"Did not arrive at {what} within {timeoutMs} ms; the browser is at {Relative(Page.Url)}.");
            await Task.Delay(20);
        }
        await Page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = timeoutMs, PollingInterval = 20 });
    }

    public void AssertNoProblems()
    {
        var problems = Problems;
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in the browser ({Mode}):\n  " + string.Join("\n  ", problems));
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
