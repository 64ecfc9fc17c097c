using System.Text.RegularExpressions;
using KennisSite.BrowserTests.Infrastructure;

namespace KennisSite.BrowserTests;

/// <summary>Scenario 2: the catalogue filters, checked against the YAML of the practice examples (not against the generator's own numbers).</summary>
[Collection(BrowserCollection.Scenarios)]
[Trait("Category", "Browser")]
public sealed class CatalogueTests(SiteFixture site)
{
    private const string Function = "toeleiding";
    private const int AtLeastClear = 2; // "minstens duidelijk"

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Catalogue_filters_narrow_the_list_to_matching_examples(string mode)
    {
        var content = site.Content;
        await using var s = await site.OpenAsync(mode);
        var page = s.Page;
        await s.GotoAsync(PageKinds.Catalogue);
        await page.Locator("#catalogus-filters:not([hidden])").WaitForAsync();

        // Unfiltered: every example, and every option count as the content says.
        await AssertShownAsync(page, content.Cards, "without filters");
        await AssertOptionCountsAsync(page, Levels(), Values());

        // Toeleiding: minstens duidelijk.
        await page.SelectOptionAsync("#filter-" + Function, AtLeastClear.ToString());
        var byLevel = content.Matching(Levels((Function, AtLeastClear)));
        Assert.InRange(byLevel.Count, 2, content.Cards.Count - 1);
        await AssertShownAsync(page, byLevel, $"{Function} ≥ {AtLeastClear}");
        await AssertOptionCountsAsync(page, Levels((Function, AtLeastClear)), Values());

        // And a theme that keeps some of those examples but not all.
        var theme = content.OptionValues("thema").First(t =>
        {
            var n = content.Matching(Levels((Function, AtLeastClear)), Values(("thema", t))).Count;
            return n > 0 && n < byLevel.Count;
        });
        await page.Locator($"input[name='thema'][value='{theme}']").CheckAsync();
        var both = content.Matching(Levels((Function, AtLeastClear)), Values(("thema", theme)));
        await AssertShownAsync(page, both, $"{Function} ≥ {AtLeastClear} and theme {theme}");
        await AssertOptionCountsAsync(page, Levels((Function, AtLeastClear)), Values(("thema", theme)));
        Assert.Equal(2, await page.Locator("#actieve-filters button").CountAsync());
        Assert.EndsWith($"#{Function}={AtLeastClear}&thema={theme}", page.Url);

        // The filtered view survives a reload (it lives in the address).
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Load });
        await AssertShownAsync(page, both, "after reloading the filtered address");

        // Remove the function filter with its button among the active filters: only the theme is left.
        await page.Locator("#actieve-filters button", new() { HasText = "Toeleiding" }).ClickAsync();
        Assert.Equal("", await page.InputValueAsync("#filter-" + Function));
        var byTheme = content.Matching(values: Values(("thema", theme)));
        await AssertShownAsync(page, byTheme, $"theme {theme} after removing the {Function} filter");
        await AssertOptionCountsAsync(page, Levels(), Values(("thema", theme)));
        Assert.Equal(1, await page.Locator("#actieve-filters button").CountAsync());

        // Clear everything, then a combination nothing matches: the message shows instead of the list.
        await page.ClickAsync("#filters-wissen");
        await AssertShownAsync(page, content.Cards, "after clearing all filters");
        Assert.True(await page.Locator("#actieve-filters-blok").IsHiddenAsync(), "Without filters there is no block of active filters.");
        var (level, emptyTheme) = (from l in new[] { 3, 2, 1 }
                                   from t in content.OptionValues("thema")
                                   where content.Matching(Levels((Function, l)), Values(("thema", t))).Count == 0
                                   select (l, t)).First();
        await page.SelectOptionAsync("#filter-" + Function, level.ToString());
        await page.Locator($"input[name='thema'][value='{emptyTheme}']").CheckAsync();
        await AssertShownAsync(page, [], $"{Function} ≥ {level} and theme {emptyTheme}");
        Assert.True(await page.Locator("#geen-resultaten").IsVisibleAsync(), "The no-results message is visible.");
        await AssertOptionCountsAsync(page, Levels((Function, level)), Values(("thema", emptyTheme)));

        s.AssertNoProblems();
    }

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Catalogue_without_javascript_lists_every_example_and_hides_the_filters(string mode)
    {
        await using var s = await site.OpenAsync(mode, javaScript: false);
        await s.GotoAsync(PageKinds.Catalogue);
        Assert.True(await s.Page.Locator("#catalogus-filters").IsHiddenAsync(), "Filters that cannot work stay hidden.");
        await AssertShownAsync(s.Page, site.Content.Cards, "without JavaScript");
        Assert.True(await s.Page.Locator("#geen-resultaten").IsHiddenAsync());
        s.AssertNoProblems();
    }

    private static Dictionary<string, int> Levels(params (string Function, int Level)[] levels) => levels.ToDictionary(l => l.Function, l => l.Level);

    private static Dictionary<string, string[]> Values(params (string Group, string Value)[] values) =>
        values.GroupBy(v => v.Group).ToDictionary(g => g.Key, g => g.Select(v => v.Value).ToArray());

    /// <summary>Exactly these cards are visible, the count above the list says how many, and the no-results message shows only for none.</summary>
    private static async Task AssertShownAsync(IPage page, IReadOnlyList<ContentCard> expected, string situation)
    {
        var count = expected.Count;
        var text = $"{count} {(count == 1 ? "praktijkvoorbeeld" : "praktijkvoorbeelden")}";
        await Assertions.Expect(page.Locator("#aantal-resultaten")).ToHaveTextAsync(text, new() { Timeout = 5_000 });
        var shown = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('#catalogus-lijst > li')).filter(li => li.getClientRects().length > 0).map(li => li.dataset.slug)");
        Assert.True(expected.Select(c => c.Slug).Order(StringComparer.Ordinal).SequenceEqual(shown.Order(StringComparer.Ordinal)),
            $"Cards shown {situation}:\n  expected: {string.Join(", ", expected.Select(c => c.Slug).Order())}\n  shown:    {string.Join(", ", shown.Order())}");
        Assert.Equal(count == 0, await page.Locator("#geen-resultaten").IsVisibleAsync());
    }

    /// <summary>
    /// Every option shows how many cards there would be with it chosen together with all OTHER active filters
    /// (README: OR within a filter, AND between filters), computed here from the content.
    /// </summary>
    private async Task AssertOptionCountsAsync(IPage page, Dictionary<string, int> levels, Dictionary<string, string[]> values)
    {
        var content = site.Content;
        var wrong = new List<string>();
        var selects = await page.EvaluateAsync<string[][]>(
            "() => Array.from(document.querySelectorAll('select[data-soort=niveau] option')).filter(o => o.value !== '').map(o => [o.parentElement.dataset.filter, o.value, o.textContent])");
        Assert.Equal(content.Functions.Count * content.MaxLevel, selects.Length);
        foreach (var (function, value, text) in selects.Select(o => (o[0], int.Parse(o[1]), o[2])))
        {
            var others = levels.Where(l => l.Key != function).ToDictionary();
            others[function] = value;
            var expected = content.Matching(others, values).Count;
            if (CountIn(text) != expected) wrong.Add($"{function} ≥ {value}: shows '{text}', content gives {expected}");
        }
        var boxes = await page.EvaluateAsync<string[][]>(
            "() => Array.from(document.querySelectorAll('fieldset[data-soort=waarden] input[type=checkbox]')).map(b => [b.name, b.value, b.parentElement.querySelector('.aantal').textContent])");
        foreach (var group in SampleContent.CheckboxGroups)
        {
            var shownValues = boxes.Where(b => b[0] == group).Select(b => b[1]).Order(StringComparer.Ordinal).ToList();
            if (!shownValues.SequenceEqual(content.OptionValues(group)))
                wrong.Add($"{group}: options [{string.Join(", ", shownValues)}], content has [{string.Join(", ", content.OptionValues(group))}]");
        }
        foreach (var (group, value, text) in boxes.Select(b => (b[0], b[1], b[2])))
        {
            var others = values.Where(v => v.Key != group).ToDictionary();
            others[group] = [value];
            var expected = content.Matching(levels, others).Count;
            if (CountIn(text) != expected) wrong.Add($"{group} = {value}: shows '{text}', content gives {expected}");
        }
        Assert.True(wrong.Count == 0, "Option counts that do not match the content:\n  " + string.Join("\n  ", wrong));
    }

    private static int CountIn(string text) =>
        Regex.Match(text, @"\((\d+)\)\s*$") is { Success: true } m ? int.Parse(m.Groups[1].Value) : -1;
}
