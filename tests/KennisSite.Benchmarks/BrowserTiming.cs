using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;

namespace KennisSite.Benchmarks;

/// <summary>
/// Times the search page in a real Chromium, opened from disk (file://), through Playwright. Playwright's own browser
/// download is not used: it drives the system Chromium. Every run gets a fresh browser context (no cache, no storage).
/// </summary>
public sealed class BrowserTiming : IAsyncDisposable
{
    public const string ResultSelector = "#zoekresultaten li";
    /// <summary>The search page's own field; until zoeken.js runs, the header's search box also has id="zoekterm".</summary>
    public const string QueryInput = "main #zoekterm";

    /// <summary>Records performance.now() the moment the first result is in the DOM, before any page script runs.</summary>
    private const string FirstResultObserver = """
        (() => {
          const seen = () => {
            if (window.__eersteResultaat !== undefined || !document.querySelector('#zoekresultaten li')) return false;
            window.__eersteResultaat = performance.now();
            return true;
          };
          new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
            .observe(document, { childList: true, subtree: true });
        })();
        """;

    private const string NavigationTiming = """
        (() => {
          const n = performance.getEntriesByType('navigation')[0];
          return { dcl: n ? n.domContentLoadedEventEnd : -1, load: n ? n.loadEventEnd : -1 };
        })()
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserTiming(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public string BrowserVersion => _browser.Version;

    public static string PlaywrightVersion =>
        (typeof(IPlaywright).Assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version ?? typeof(IPlaywright).Assembly.GetName().Version?.ToString() ?? "?") is var v
            && v.Count(c => c == '.') == 3 && v.EndsWith(".0", StringComparison.Ordinal) ? v[..^2] : v;

    public static async Task<BrowserTiming> StartAsync(string chromium)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
            return new BrowserTiming(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>One page open until the first result.</summary>
    /// <param name="Wall">Stopwatch from just before navigation starts to Playwright seeing the first result.</param>
    /// <param name="InPageFirstResult">performance.now() (ms since navigation start) when the first result entered the DOM.</param>
    /// <param name="InPageNow">performance.now() when the benchmark read it, after seeing the result.</param>
    /// <param name="TypedAt">For a typed query: ms since navigation start when the last key had been typed; otherwise null.</param>
    public sealed record Run(double Wall, double InPageFirstResult, double InPageNow, double DomContentLoaded, double Load, double? TypedAt, int Results);

    /// <summary>Opens <paramref name="url"/> (a query in ?q=) and waits for the first result.</summary>
    public Task<Run> OpenWithQueryAsync(string url) => MeasureAsync(url, null);

    /// <summary>
    /// Opens the empty search page, types <paramref name="query"/> into the search box once the page is ready for it
    /// (DOMContentLoaded: the synchronous scripts have run and zoeken.js has started), and waits for the first result.
    /// </summary>
    public Task<Run> TypeQueryAsync(string url, string query) => MeasureAsync(url, query);

    private async Task<Run> MeasureAsync(string url, string? typed)
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.AddInitScriptAsync(FirstResultObserver);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = typed is null ? WaitUntilState.Commit : WaitUntilState.DOMContentLoaded });
        double? typedAt = null;
        if (typed is not null)
        {
            await page.Locator(QueryInput).PressSequentiallyAsync(typed);
            typedAt = await page.EvaluateAsync<double>("performance.now()");
        }
        await page.WaitForSelectorAsync(ResultSelector, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var wall = clock.Elapsed.TotalMilliseconds;
        var now = await page.EvaluateAsync<double>("performance.now()");
        var first = await page.EvaluateAsync<double?>("window.__eersteResultaat ?? null") ?? now;
        var results = await page.Locator(ResultSelector).CountAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        var navigation = await page.EvaluateAsync<JsonElement>(NavigationTiming);
        return new Run(wall, first, now, navigation.GetProperty("dcl").GetDouble(), navigation.GetProperty("load").GetDouble(), typedAt, results);
    }

    /// <summary>
    /// Types into the search box the moment it can be typed in, before the page's scripts have run, as an impatient reader
    /// would. Returns the field's value once the page has loaded and whether a result appeared within <paramref name="waitMs"/>.
    /// </summary>
    public async Task<(string ValueAfterLoad, bool Results, double TypedAt, double DomContentLoaded)> TypeEarlyAsync(string url, string query, int waitMs = 5000)
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator(QueryInput).PressSequentiallyAsync(query);
        var typedAt = await page.EvaluateAsync<double>("performance.now()");
        await page.WaitForLoadStateAsync(LoadState.Load);
        var found = true;
        try { await page.WaitForSelectorAsync(ResultSelector, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = waitMs }); }
        catch (TimeoutException) { found = false; }
        var navigation = await page.EvaluateAsync<JsonElement>(NavigationTiming);
        return (await page.Locator(QueryInput).InputValueAsync(), found, typedAt, navigation.GetProperty("dcl").GetDouble());
    }

    /// <summary>What a bare page spends on one index: scripts parsed, lunr.Index.load, one query. Marks are set by <see cref="LoadHarness"/>.</summary>
    public sealed record LoadRun(double Wall, double Libraries, double IndexParsed, double StoreParsed, double IndexLoaded, double Queried, int Hits);

    public async Task<LoadRun> LoadAsync(string url)
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        try { await page.WaitForFunctionAsync("window.__klaar === true"); }
        catch (TimeoutException) { throw new InvalidOperationException($"De laadmeting {url} raakte niet klaar: {string.Join(" | ", errors)}"); }
        var wall = clock.Elapsed.TotalMilliseconds;
        if (await page.EvaluateAsync<string?>("window.__fout ?? null") is { } error)
            throw new InvalidOperationException($"De laadmeting {url} faalt in de browser: {error}");
        var m = await page.EvaluateAsync<JsonElement>("window.__metingen");
        double D(string name) => m.GetProperty(name).GetDouble();
        return new LoadRun(wall, D("bibliotheken"), D("index"), D("documenten"), D("geladen"), D("gezocht"), m.GetProperty("treffers").GetInt32());
    }

    /// <summary>A page in zoeken/meting/ that loads lunr, one index script and one store script, then loads the index and runs one query.</summary>
    public static string LoadHarness(string indexScript, string indexVariable, string? storeScript, string query) => $$"""
        <!doctype html>
        <html lang="nl"><head><meta charset="utf-8"><title>laadmeting</title>
        <script>window.__metingen = {};</script>
        <script src="../../assets/lunr/lunr.min.js"></script>
        <script src="../../assets/lunr/lunr.stemmer.support.min.js"></script>
        <script src="../../assets/lunr/lunr.nl.min.js"></script>
        <script>window.__metingen.bibliotheken = performance.now();</script>
        <script src="{{indexScript}}"></script>
        <script>window.__metingen.index = performance.now();</script>
        {{(storeScript is null ? "" : $"<script src=\"{storeScript}\"></script>")}}
        <script>
          try {
            window.__metingen.documenten = performance.now();
            var idx = lunr.Index.load(window.{{indexVariable}});
            window.__metingen.geladen = performance.now();
            var hits = idx.search({{JsonSerializer.Serialize(query)}});
            window.__metingen.gezocht = performance.now();
            window.__metingen.treffers = hits.length;
          } catch (e) {
            window.__fout = String(e && e.stack || e);
          }
          window.__klaar = true;
        </script>
        </head><body></body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
