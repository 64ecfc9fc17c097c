using KennisSite.BrowserTests.Infrastructure;
using KennisSite.Serving;

namespace KennisSite.BrowserTests;

/// <summary>
/// The editor's loop in a real browser: with a card's page open under `serve`, saving the card reloads the page by itself;
/// a mistake covers the page with the errors (readable, focused, accessible), and fixing it brings the page back.
/// </summary>
[Collection(BrowserCollection.Scenarios)]
[Trait("Category", "Browser")]
public sealed class ServeTests(SiteFixture site) : IAsyncLifetime
{
    private const string Card = "content/praktijkvoorbeelden/zoom-seniors.yml";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kennis-serve-" + Guid.NewGuid().ToString("N")[..12]);
    private DevServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        File.Copy(Path.Combine(RepoPaths.Root, "site.yml"), Path.Combine(_root, "site.yml"));
        foreach (var folder in new[] { "content", "templates" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(_root, Path.GetRelativePath(RepoPaths.Root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        _server = await DevServer.StartAsync(new BuildOptions(_root), port: 0, _ => { });
    }

    [Fact]
    public async Task A_saved_card_reloads_the_open_page_errors_cover_it_and_the_fix_brings_it_back()
    {
        await using var context = await site.Browser.NewContextAsync(new() { Locale = "nl-BE" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_server.Address, "praktijkvoorbeelden/zoom-seniors/").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ZOOM Seniors");
        var connected = System.Diagnostics.Stopwatch.StartNew();
        while (!_server.OpenPages.Contains("praktijkvoorbeelden/zoom-seniors/index.html"))
        {
            Assert.True(connected.Elapsed < TimeSpan.FromSeconds(20), "The page did not open its live-reload connection.");
            await Task.Delay(20);
        }

        Edit(text => text.Replace("titel: ZOOM Seniors", "titel: ZOOM Seniors in Schaarbeek"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ZOOM Seniors in Schaarbeek");

        Edit(text => text.Replace("gestart: ", "gestart: [nooit"));
        var errors = page.Locator("#kennissite-fouten");
        await Assertions.Expect(errors).ToBeVisibleAsync();
        await Assertions.Expect(errors).ToContainTextAsync("content/praktijkvoorbeelden/zoom-seniors.yml(");
        await Assertions.Expect(errors).ToBeFocusedAsync();
        var violations = await Axe.RunAsync(page, fromDisk: false);
        Assert.True(violations.Count == 0, Axe.Describe(violations));

        Edit(text => text.Replace("gestart: [nooit", "gestart: "));
        await Assertions.Expect(errors).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ZOOM Seniors in Schaarbeek");
    }

    private void Edit(Func<string, string> change)
    {
        var path = Path.Combine(_root, Card);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
