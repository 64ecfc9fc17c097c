using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KennisSite.Benchmarks;
using KennisSite.Serving;
using KennisSite.Tests.Infrastructure;
using KennisSite.Tests.Reliability;

namespace KennisSite.Tests.Serving;

/// <summary>
/// `serve` as an editor uses it: a browser has a page open (its live-reload connection), the editor saves a file, the
/// page reloads and shows the change; a mistake shows up in the browser with its place, and goes away once fixed.
/// </summary>
[Collection(SerialReliabilityCollection.Name)] // watches the file system and waits on timers: keep the machine quiet
public sealed class DevServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string Card = "content/praktijkvoorbeelden/zoom-seniors.yml";
    private const string CardPage = "/praktijkvoorbeelden/zoom-seniors/";

    private readonly TestSite _site = TestSite.FromSample();
    private readonly ConcurrentQueue<RebuildReport> _reports = new();
    private DevServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await DevServer.StartAsync(new BuildOptions(_site.Root), port: 0, _reports.Enqueue);
        _http = new HttpClient { BaseAddress = _server.Address, Timeout = Patience };
    }

    [Fact]
    public async Task A_saved_change_reloads_the_open_page_errors_show_over_it_and_the_fix_brings_it_back()
    {
        var page = await _http.GetStringAsync(CardPage);
        Assert.Contains("<h1>ZOOM Seniors</h1>", page);
        Assert.Contains(LiveReload.EventsPath, page);

        await using var browser = await LiveReloadListener.OpenAsync(_http, CardPage);
        _site.Edit(Card, text => text.Replace("titel: ZOOM Seniors", "titel: ZOOM Seniors in Schaarbeek"));
        await browser.WaitForReloadAsync(Patience);
        Assert.Contains("<h1>ZOOM Seniors in Schaarbeek</h1>", await _http.GetStringAsync(CardPage));

        _site.Edit(Card, text => text.Replace("gestart: ", "gestart: [nooit"));
        await browser.WaitForReloadAsync(Patience);
        var broken = await _http.GetAsync(CardPage);
        var shown = await broken.Content.ReadAsStringAsync();
        Assert.Contains("id=\"kennissite-fouten\"", shown);
        Assert.Matches(@"<code>content/praktijkvoorbeelden/zoom-seniors\.yml\(\d+,\d+\)</code> <span>KS\d{4}</span>", shown);
        Assert.Contains("<h1>ZOOM Seniors in Schaarbeek</h1>", shown); // the last good page stays underneath
        Assert.Contains("kennissite-fouten", await _http.GetStringAsync("/")); // on every page, not only the broken one

        _site.Edit(Card, text => text.Replace("gestart: [nooit", "gestart: "));
        await browser.WaitForReloadAsync(Patience);
        var fixedPage = await _http.GetStringAsync(CardPage);
        Assert.DoesNotContain("kennissite-fouten", fixedPage);
        Assert.Contains("<h1>ZOOM Seniors in Schaarbeek</h1>", fixedPage);
        Assert.True(_reports.Last().PagesReused > 0, "the rebuild after the fix rendered every page again");
    }

    [Fact]
    public async Task A_page_that_connects_only_after_its_rebuild_ended_still_reloads()
    {
        // The browser got the page, then the editor saved again before the page's event stream was open (a reload,
        // the editor's quick second save): the rebuild's "herlaad" went to nobody.
        var page = await _http.GetStringAsync(CardPage);
        _site.Edit(Card, text => text.Replace("titel: ZOOM Seniors", "titel: ZOOM Seniors in Schaarbeek"));
        await WaitForQuietAsync();

        await using var browser = await LiveReloadListener.OpenAsync(_http, CardPage, ServedAt(page));
        await browser.WaitForReloadAsync(Patience);
        Assert.Contains("<h1>ZOOM Seniors in Schaarbeek</h1>", await _http.GetStringAsync(CardPage));
    }

    [Fact]
    public async Task A_site_that_never_built_shows_its_errors_and_reloads_once_they_are_fixed()
    {
        using var broken = TestSite.FromSample();
        broken.Edit(Card, text => text.Replace("gestart: ", "gestart: [nooit"));
        await using var server = await DevServer.StartAsync(new BuildOptions(broken.Root), port: 0, _ => { });
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Patience };

        var response = await http.GetAsync(CardPage);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"kennissite-fouten\"", page);
        await using var browser = await LiveReloadListener.OpenAsync(http, CardPage, ServedAt(page));
        broken.Edit(Card, text => text.Replace("gestart: [nooit", "gestart: "));
        await browser.WaitForReloadAsync(Patience);
        Assert.Contains("<h1>ZOOM Seniors</h1>", await http.GetStringAsync(CardPage));
    }

    /// <summary>The version a served page's live-reload script sends, as the browser would.</summary>
    private static long ServedAt(string page) =>
        long.Parse(Regex.Match(page, @"versie=(\d+)&pagina=").Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Serves_the_site_as_a_web_server_would()
    {
        Assert.Equal(IPAddress.Loopback.ToString(), _server.Address.Host);
        var home = await _http.GetAsync("/");
        Assert.Equal("text/html; charset=utf-8", home.Content.Headers.ContentType!.ToString());
        var css = await _http.GetAsync("/assets/site.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal(File.ReadAllBytes(_site.FullPath("templates/assets/site.css")), await css.Content.ReadAsByteArrayAsync());

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.Address };
        var folder = await noRedirects.GetAsync("/praktijkvoorbeelden");
        Assert.Equal(HttpStatusCode.Redirect, folder.StatusCode);
        Assert.Equal("/praktijkvoorbeelden/", folder.Headers.Location!.OriginalString);

        var missing = await _http.GetAsync("/bestaat-niet/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Pagina niet gevonden", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/../site.yml")).StatusCode);
    }

    [Fact]
    public async Task Saving_fifty_files_at_once_causes_one_rebuild()
    {
        // Written beside the site first and then moved in, as a checkout lands them: writing them one by one here, on a
        // machine busy with the other tests, could leave a pause longer than the quiet period between two of them.
        var outside = _site.FullPath(".nieuwe-kaarten");
        Directory.CreateDirectory(outside);
        for (var i = 1; i <= 50; i++)
            File.WriteAllText(Path.Combine(outside, $"buurtproject-{i:00}.yml"), IncrementalBuildTests.NewCard($"Buurtproject {i}", "ouderen"));
        var before = _server.Builds;
        for (var i = 1; i <= 50; i++)
            File.Move(Path.Combine(outside, $"buurtproject-{i:00}.yml"), _site.FullPath($"content/praktijkvoorbeelden/buurtproject-{i:00}.yml"));

        var clock = Stopwatch.StartNew();
        while (_server.Builds == before && clock.Elapsed < Patience) await Task.Delay(20);
        await Task.Delay(DevServer.QuietPeriod * 10); // long enough for any straggling second rebuild to start and finish

        Assert.Equal(before + 1, _server.Builds);
        Assert.True(_reports.Last().Result.Succeeded, string.Join("\n", _reports.Last().Result.Diagnostics));
        Assert.Equal(50, _reports.Last().FilesParsed);
        var catalogue = await _http.GetStringAsync("/praktijkvoorbeelden/");
        Assert.Contains("Buurtproject 50", catalogue);
    }

    [Fact]
    public async Task What_is_served_after_a_series_of_changes_is_what_a_full_build_writes()
    {
        await using var browser = await LiveReloadListener.OpenAsync(_http, CardPage);
        _site.Edit(Card, text => text.Replace("titel: ZOOM Seniors", "titel: ZOOM"));
        await browser.WaitForReloadAsync(Patience);
        File.Delete(_site.FullPath("content/praktijkvoorbeelden/het-buurtpensioen.yml"));
        EditAll(text => text.Replace("[Het BuurtPensioen](../../praktijkvoorbeelden/het-buurtpensioen.yml)", "Het BuurtPensioen"));
        await WaitForQuietAsync();

        var full = SiteBuilder.Build(new BuildOptions(_site.Root, WriteOutput: false));
        Assert.True(full.Succeeded, string.Join("\n", full.Diagnostics));
        var served = _server.Files;
        Assert.Equal(full.Files.Select(f => f.Path).Order(StringComparer.Ordinal), served.Keys.Order(StringComparer.Ordinal));
        foreach (var file in full.Files)
            Assert.True(file.Content.AsSpan().SequenceEqual(served[file.Path]), $"{file.Path} differs from a full build.");
    }

    [Fact]
    public void Ctrl_C_stops_serve_cleanly()
    {
        using var cli = KennisCli.Start(["serve", "--site", _site.Root, "--poort", "0"]);
        var clock = Stopwatch.StartNew();
        while (!cli.Output.Contains("De site draait op") && !cli.HasExited && clock.Elapsed < Patience) Thread.Sleep(50);
        Assert.Contains("De site draait op http://127.0.0.1:", cli.Output);

        // A process that inherited "ignore SIGINT" (a background job in a script) cannot get Ctrl+C; SIGTERM takes the same path.
        var signal = IgnoresInterrupt() ? "TERM" : "INT";
        Process.Start("kill", ["-" + signal, cli.ProcessId.ToString()])!.WaitForExit();
        Assert.True(cli.WaitForExit(TimeSpan.FromSeconds(10)), $"serve did not stop on SIG{signal}.");
        Assert.Equal(0, cli.ExitCode);
        Assert.EndsWith("Gestopt.", cli.Output.TrimEnd());
        Assert.Equal("", cli.Error);
    }

    [Theory]
    [InlineData("content/praktijkvoorbeelden/x.yml", true)]
    [InlineData("content/cahiers/c/index.md", true)]
    [InlineData("templates/partials/kaart.html", true)]
    [InlineData("site.yml", true)]
    [InlineData("content/praktijkvoorbeelden/.x.yml.swp", false)]
    [InlineData("content/praktijkvoorbeelden/x.yml~", false)]
    [InlineData("_site/index.html", false)]
    [InlineData(".kennissite/praktijkvoorbeeld.schema.json", false)]
    [InlineData("README.md", false)]
    public void Only_changes_to_the_sites_sources_cause_a_rebuild(string path, bool matters) =>
        Assert.Equal(matters, ChangeWatcher.Matters(path));

    private static bool IgnoresInterrupt()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line[7..].Trim(), 16) & (1UL << 1)) != 0;
    }

    /// <summary>Waits until a rebuild has run and the files have been quiet, and no build is running, for a while.</summary>
    private async Task WaitForQuietAsync()
    {
        var clock = Stopwatch.StartNew();
        var builds = _server.Builds;
        var stableSince = clock.Elapsed;
        while (clock.Elapsed < Patience)
        {
            await Task.Delay(50);
            if (_server.Builds != builds) (builds, stableSince) = (_server.Builds, clock.Elapsed);
            else if (clock.Elapsed - stableSince > TimeSpan.FromSeconds(2) && !_server.IsBuilding) return;
        }
        Assert.Fail("serve did not settle.");
    }

    private void EditAll(Func<string, string> change)
    {
        foreach (var file in Directory.EnumerateFiles(_site.FullPath("content"), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (change(text) is var changed && changed != text) File.WriteAllText(file, changed);
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _site.Dispose();
    }
}
