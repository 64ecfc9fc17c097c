using System.Text.RegularExpressions;
using KennisSite.BrowserTests.Infrastructure;

namespace KennisSite.BrowserTests;

/// <summary>Scenario 1: a reader clicks through the site, from disk and over HTTP, and every link lands on a page.</summary>
[Collection(BrowserCollection.Pages)]
[Trait("Category", "Browser")]
public sealed class NavigationTests(SiteFixture site)
{
    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Reader_goes_from_home_to_cahier_chapter_example_theme_function_and_back(string mode)
    {
        await using var s = await site.OpenAsync(mode);
        var page = s.Page;

        // Home → the cahier, from the list of newest cahiers.
        await s.GotoAsync("index.html");
        await s.ClickAndWaitForPageAsync(page.Locator(".cahier-lijst").GetByRole(AriaRole.Link, new() { Name = "Buurtgerichte zorg in Brussel", Exact = true }));
        Assert.Equal(PageKinds.Cahier, s.CurrentPath);
        Assert.Equal("Buurtgerichte zorg in Brussel", await page.Locator("h1").InnerTextAsync());
        await AssertStyledAsync(page);

        // The table of contents jumps to a chapter, on the same page.
        var tocLinks = page.Locator(".inhoudstafel a");
        Assert.True(await tocLinks.CountAsync() >= 3, "The cahier has a table of contents.");
        var entry = tocLinks.Nth(2);
        var target = (await entry.GetAttributeAsync("href"))!;
        var title = await entry.InnerTextAsync();
        await entry.ClickAsync();
        await s.WaitForPageAsync(url => url.EndsWith(target, StringComparison.Ordinal), "the chapter " + target);
        Assert.Equal(PageKinds.Cahier, s.CurrentPath);
        var heading = page.Locator(target);
        Assert.Equal(title, await heading.InnerTextAsync());
        await AssertScrolledIntoViewAsync(heading, $"After choosing '{title}' in the table of contents, the chapter heading {target} is on screen.");

        // A link in the text → the practice example.
        await s.ClickAndWaitForPageAsync(page.Locator(".tekst a[href*='praktijkvoorbeelden/zorgzame-straten/']").First);
        Assert.Equal(PageKinds.Example, s.CurrentPath);
        Assert.Equal("Zorgzame Straten", await page.Locator("h1").InnerTextAsync());
        await AssertStyledAsync(page);

        // Example → one of its themes → back.
        var themeLink = page.Locator(".voorbeeld-kop .labels a").First;
        var themeName = await themeLink.InnerTextAsync();
        await s.ClickAndWaitForPageAsync(themeLink);
        Assert.Matches(@"^themas/[a-z0-9-]+/index\.html$", s.CurrentPath);
        Assert.Equal(themeName, await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator($"main a[href$='praktijkvoorbeelden/zorgzame-straten/index.html']").CountAsync() > 0, "The theme page lists the example it came from.");
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Load });
        Assert.Equal(PageKinds.Example, s.CurrentPath);

        // Example → a function from the profile table → back.
        await s.ClickAndWaitForPageAsync(page.Locator(".profiel-tabel").GetByRole(AriaRole.Link, new() { Name = "Toeleiding", Exact = true }));
        Assert.Equal("functies/toeleiding/index.html", s.CurrentPath);
        Assert.Equal("Toeleiding", await page.Locator("h1").InnerTextAsync());
        var level = site.Content.Cards.Single(c => c.Slug == "zorgzame-straten").Score("toeleiding");
        Assert.True(await page.Locator($"section:has(h2#niveau-{level}) a[href$='praktijkvoorbeelden/zorgzame-straten/index.html']").CountAsync() > 0,
            $"The function page lists Zorgzame Straten under level {level}.");
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Load });
        Assert.Equal(PageKinds.Example, s.CurrentPath);

        // And home again through the breadcrumb.
        await s.ClickAndWaitForPageAsync(page.Locator(".kruimelpad").GetByRole(AriaRole.Link, new() { Name = "Home" }));
        Assert.Equal("index.html", s.CurrentPath);

        s.AssertNoProblems();
    }

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Every_link_on_every_page_kind_lands_on_an_existing_page_and_anchor(string mode)
    {
        await using var s = await site.OpenAsync(mode);
        var broken = new List<string>();
        var checkedUrls = new Dictionary<string, bool>(StringComparer.Ordinal);
        var links = 0;
        foreach (var kind in PageKinds.All.Keys)
        {
            await PageKinds.OpenAsync(s, kind);
            var hrefs = await s.Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href], link[rel=stylesheet][href]'), a => a.href)");
            foreach (var href in hrefs.Distinct())
            {
                if (!s.IsInsideSite(href)) continue;
                links++;
                if (href.Split('#')[0] == s.Page.Url.Split('#')[0])
                {
                    // A link within the page (the skip link, a table of contents): its target must be on this page.
                    var fragment = href.Contains('#') ? Uri.UnescapeDataString(href[(href.IndexOf('#') + 1)..]) : "";
                    if (fragment != "" && !fragment.Contains('=') && !await s.Page.EvaluateAsync<bool>("id => document.getElementById(id) !== null", fragment))
                        broken.Add($"{kind} ({s.Relative(s.Page.Url)}): #{fragment} is not on the page");
                    continue;
                }
                if (!checkedUrls.TryGetValue(href, out var ok))
                    checkedUrls[href] = ok = await LandsAsync(s, href);
                if (!ok) broken.Add($"{kind} ({s.Relative(s.Page.Url)}): {s.Relative(href)}");
            }
        }
        Assert.True(links > 100, $"Only {links} links were checked.");
        Assert.True(broken.Count == 0, $"Links that lead nowhere ({mode}):\n  " + string.Join("\n  ", broken));
        s.AssertNoProblems();
    }

    /// <summary>The file behind a URL exists (over HTTP: the server answers 200), and a fragment names an id on that page.</summary>
    private async Task<bool> LandsAsync(SiteSession s, string url)
    {
        var hashAt = url.IndexOf('#');
        var fragment = hashAt >= 0 ? Uri.UnescapeDataString(url[(hashAt + 1)..]) : "";
        var path = Uri.UnescapeDataString(s.Relative(hashAt >= 0 ? url[..hashAt] : url).Split('?')[0]);
        if (path == "" || path.EndsWith('/')) path += "index.html";
        var file = Path.Combine(site.SiteFolder, path);
        if (!File.Exists(file)) return false;
        if (s.Mode == "http")
        {
            var response = await s.Context.APIRequest.HeadAsync(hashAt >= 0 ? url[..hashAt] : url);
            if (response.Status != 200) return false;
        }
        // Catalogue state (#toeleiding=2) and the skip link's own target are not element ids to look up.
        if (fragment == "" || fragment.Contains('=')) return true;
        return Regex.IsMatch(await File.ReadAllTextAsync(file), $"\\sid=\"{Regex.Escape(System.Net.WebUtility.HtmlEncode(fragment))}\"");
    }

    private static async Task AssertStyledAsync(IPage page)
    {
        // The stylesheet arrived and applies: the skip link is moved off screen until it has focus.
        var skipTop = await page.Locator(".skip-link").EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");
        Assert.True(skipTop <= 0, "The stylesheet is applied (the skip link is hidden above the page).");
    }

    /// <summary>Waits (the page may scroll smoothly) until the element's top is on screen.</summary>
    private static async Task AssertScrolledIntoViewAsync(ILocator element, string message)
    {
        try
        {
            await element.EvaluateAsync(
                "e => new Promise((resolve, reject) => { const start = performance.now(); (function check() { const r = e.getBoundingClientRect(); " +
                "if (r.top >= 0 && r.top < window.innerHeight / 2) resolve(); else if (performance.now() - start > 3000) reject(new Error('top at ' + r.top)); else requestAnimationFrame(check); })(); })");
        }
        catch (PlaywrightException e)
        {
            Assert.Fail($"{message} ({e.Message.Split('\n')[0]})");
        }
    }
}
