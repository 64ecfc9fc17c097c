using KennisSite.BrowserTests.Infrastructure;

namespace KennisSite.BrowserTests;

/// <summary>Scenario 5, keyboard part: the catalogue filters and the search work with Tab, Enter, Space (and the arrows of a list box) only, with the focus always visible.</summary>
[Collection(BrowserCollection.Scenarios)]
[Trait("Category", "Browser")]
public sealed class KeyboardTests(SiteFixture site)
{
    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Catalogue_filters_work_with_the_keyboard_alone_and_the_focus_stays_visible(string mode)
    {
        var content = site.Content;
        await using var s = await site.OpenAsync(mode);
        var page = s.Page;
        await s.GotoAsync(PageKinds.Catalogue);
        await page.Locator("#catalogus-filters:not([hidden])").WaitForAsync();

        // The first Tab shows the skip link.
        await page.Keyboard.PressAsync("Tab");
        var first = await Keyboard.FocusAsync(page);
        Assert.Contains("skip", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Keyboard.AssertVisible(first);

        // A function level: Tab to the list box, the arrow keys choose "minstens duidelijk".
        await Keyboard.TabToAsync(page, "#filter-toeleiding");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("2", await page.InputValueAsync("#filter-toeleiding"));
        var byLevel = content.Matching(new Dictionary<string, int> { ["toeleiding"] = 2 });
        await Assertions.Expect(page.Locator("#aantal-resultaten")).ToHaveTextAsync($"{byLevel.Count} praktijkvoorbeelden");

        // A theme: Tab to its checkbox, Space ticks it, the list narrows.
        var theme = content.OptionValues("thema").First(t =>
        {
            var n = content.Matching(new Dictionary<string, int> { ["toeleiding"] = 2 }, new Dictionary<string, string[]> { ["thema"] = [t] }).Count;
            return n > 0 && n < byLevel.Count;
        });
        var checkbox = $"input[name='thema'][value='{theme}']";
        await Keyboard.TabToAsync(page, checkbox);
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsCheckedAsync(checkbox), "Space ticks the focused checkbox.");
        var both = content.Matching(new Dictionary<string, int> { ["toeleiding"] = 2 }, new Dictionary<string, string[]> { ["thema"] = [theme] });
        await Assertions.Expect(page.Locator("#aantal-resultaten")).ToHaveTextAsync($"{both.Count} {(both.Count == 1 ? "praktijkvoorbeeld" : "praktijkvoorbeelden")}");
        Assert.Equal(both.Count, await VisibleCardsAsync(page));

        // Space again unticks it, and ticks it back.
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#aantal-resultaten")).ToHaveTextAsync($"{byLevel.Count} praktijkvoorbeelden");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#aantal-resultaten")).ToHaveTextAsync($"{both.Count} {(both.Count == 1 ? "praktijkvoorbeeld" : "praktijkvoorbeelden")}");

        // Remove the level filter with Enter on its button among the active filters; the focus lands on the next one, visibly.
        await Keyboard.TabToAsync(page, "#actieve-filters button[aria-label*='Toeleiding']");
        await page.Keyboard.PressAsync("Enter");
        var byTheme = content.Matching(values: new Dictionary<string, string[]> { ["thema"] = [theme] });
        await Assertions.Expect(page.Locator("#aantal-resultaten")).ToHaveTextAsync($"{byTheme.Count} {(byTheme.Count == 1 ? "praktijkvoorbeeld" : "praktijkvoorbeelden")}");
        Assert.Equal("", await page.InputValueAsync("#filter-toeleiding"));
        var after = await Keyboard.FocusAsync(page);
        Assert.StartsWith("button", after.What);
        Keyboard.AssertVisible(after);

        // "Alle filters wissen" with Enter: the whole list again.
        await Keyboard.TabToAsync(page, "#filters-wissen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#aantal-resultaten")).ToHaveTextAsync($"{content.Cards.Count} praktijkvoorbeelden");
        Assert.False(await page.IsCheckedAsync(checkbox));

        // And on to the first card with Tab, then Enter opens it.
        var firstCard = page.Locator("#catalogus-lijst .kaart-titel a").First;
        var href = await firstCard.EvaluateAsync<string>("a => a.href");
        await Keyboard.TabToAsync(page, "#catalogus-lijst .kaart-titel a");
        await s.PressAndWaitForPageAsync("Enter", href);
        s.AssertNoProblems();
    }

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Search_works_with_the_keyboard_alone_and_the_focus_stays_visible(string mode)
    {
        await using var s = await site.OpenAsync(mode);
        var page = s.Page;
        await s.GotoAsync(PageKinds.Search);

        // Tab to the search field of the page (not the one in the header), type, Enter.
        await Keyboard.TabToAsync(page, "main input[name='q']");
        await page.Keyboard.TypeAsync("eenzaamheid");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#zoekresultaten li a").First.WaitForAsync();
        Assert.True(await page.Locator("#zoekresultaten li").CountAsync() > 0, "Results appear.");

        // Tab to the first result and open it with Enter.
        var firstResult = page.Locator("#zoekresultaten li a").First;
        var href = await firstResult.EvaluateAsync<string>("a => a.href");
        Assert.True(s.IsInsideSite(href), $"The result links into the site: {href}");
        await Keyboard.TabToAsync(page, "#zoekresultaten li a");
        Assert.Equal(href, await page.EvaluateAsync<string>("() => document.activeElement.href"));
        await s.PressAndWaitForPageAsync("Enter", href);
        Assert.True(await page.Locator("h1").CountAsync() == 1, "The result opens a page of the site.");
        s.AssertNoProblems();
    }

    private static Task<int> VisibleCardsAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('#catalogus-lijst > li')).filter(li => li.getClientRects().length > 0).length");
}
