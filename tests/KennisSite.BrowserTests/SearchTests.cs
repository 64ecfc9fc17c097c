using KennisSite.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KennisSite.BrowserTests;

/// <summary>Scenario 4: searching the knowledge base, from disk and over HTTP, as a social worker would.</summary>
[Collection(BrowserCollection.Scenarios)]
[Trait("Category", "Browser")]
public sealed class SearchTests(SiteFixture site)
{
    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task A_search_from_the_address_shows_highlighted_results_and_a_chapter_result_lands_on_the_chapter(string mode)
    {
        await using var s = await site.OpenAsync(mode);
        var page = s.Page;
        await s.GotoAsync("zoeken/index.html?q=eenzaamheid");

        var results = page.Locator("#zoekresultaten > li");
        await results.First.WaitForAsync();
        Assert.True(await results.CountAsync() >= 3);
        Assert.Matches(@"^\d+ resultaten voor ‘eenzaamheid’$", (await page.Locator("#zoek-aantal").InnerTextAsync()).Trim());
        Assert.Equal("polite", await page.Locator("#zoek-aantal").GetAttributeAsync("aria-live"));
        var marks = await page.Locator("#zoekresultaten mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.StartsWith("eenza", m, StringComparison.OrdinalIgnoreCase));

        var chapter = page.Locator("#zoekresultaten > li a[href*='cahiers/'][href*='#']").First;
        var href = (await chapter.GetAttributeAsync("href"))!;
        var anchor = href[(href.IndexOf('#') + 1)..];
        await s.ClickAndWaitForPageAsync(chapter);
        Assert.Contains("cahiers/", s.CurrentPath);
        Assert.EndsWith("#" + anchor, page.Url);
        Assert.Equal(1, await page.Locator($"h2[id='{anchor}']").CountAsync());
        s.AssertNoProblems();
    }

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Results_appear_while_typing_and_the_address_follows_the_query(string mode)
    {
        await using var s = await site.OpenAsync(mode);
        var page = s.Page;
        await s.GotoAsync("zoeken/index.html");
        await page.Locator("#zoekterm").PressSequentiallyAsync("vrijwilligers", new() { Delay = 30 });
        await page.Locator("#zoekresultaten > li").First.WaitForAsync();
        var titles = await page.Locator("#zoekresultaten > li h2, #zoekresultaten > li h3").AllInnerTextsAsync();
        Assert.Contains(titles, t => t.Contains("Vrijwilligerswerk"));
        await page.WaitForFunctionAsync("() => location.search.includes('q=vrijwilligers')");

        await page.Locator("#zoekterm").FillAsync("qxzwv");
        await page.Locator("#zoek-geen").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal(0, await page.Locator("#zoekresultaten > li").CountAsync());
        s.AssertNoProblems();
    }

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task The_search_box_in_the_header_leads_to_the_search_page_with_the_query(string mode)
    {
        await using var s = await site.OpenAsync(mode);
        var page = s.Page;
        await s.GotoAsync(PageKinds.Catalogue);
        await page.Locator("#zoekterm-kop").FillAsync("mantelzorg");
        await s.PressAndWaitForPageAsync("Enter", s.Url("zoeken/index.html?q=mantelzorg"));
        await page.Locator("#zoekresultaten > li").First.WaitForAsync();
        Assert.Equal("mantelzorg", await page.Locator("#zoekterm").InputValueAsync());
        s.AssertNoProblems();
    }
}
