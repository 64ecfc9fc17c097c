using System.Globalization;
using System.Text.Json;
using KennisSite.BrowserTests.Infrastructure;

namespace KennisSite.BrowserTests;

/// <summary>Scenario 3: the function profile as a sighted reader and as a screen-reader user get it.</summary>
[Collection(BrowserCollection.Scenarios)]
[Trait("Category", "Browser")]
public sealed class FunctionProfileTests(SiteFixture site)
{
    private const string Slug = "zorgzame-straten";

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Function_profile_has_a_segment_per_function_a_table_in_words_and_an_accessible_name_pointing_to_it(string mode)
    {
        var content = site.Content;
        var card = content.Cards.Single(c => c.Slug == Slug);
        await using var s = await site.OpenAsync(mode);
        var page = s.Page;
        await s.GotoAsync(PageKinds.Example);

        // The wheel: one segment per function of site.yml, in that order, each titled with the level in words; darker means more.
        var wheel = page.Locator("#functies svg.wiel-groot");
        Assert.Equal(1, await wheel.CountAsync());
        var segments = await wheel.EvaluateAsync<string[][]>(
            "svg => Array.from(svg.querySelectorAll(':scope > path')).map(p => [p.querySelector('title')?.textContent ?? '', getComputedStyle(p).fill])");
        Assert.Equal(content.Functions.Count, segments.Length);
        for (var i = 0; i < content.Functions.Count; i++)
        {
            var f = content.Functions[i];
            Assert.Equal($"{f.Name}: {content.LevelLabels[card.Score(f.Key)]}", segments[i][0]);
        }
        var lightness = content.Functions.Select((f, i) => (Score: card.Score(f.Key), Light: Luminance(segments[i][1]))).ToList();
        foreach (var a in lightness)
            foreach (var b in lightness.Where(b => b.Score > a.Score))
                Assert.True(b.Light < a.Light, $"A segment with score {b.Score} ({b.Light:0.00}) is darker than one with score {a.Score} ({a.Light:0.00}).");
        var numbers = await wheel.Locator("text").AllTextContentsAsync();
        Assert.Equal(content.Functions.Select(f => card.Score(f.Key).ToString(CultureInfo.InvariantCulture)), numbers.Select(n => n.Trim()));

        // The table beside it: each function, its level in words and the score.
        var rows = await page.Locator("table.profiel-tabel tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => Array.from(r.children, c => c.textContent.trim()))");
        Assert.Equal(content.Functions.Count, rows.Length);
        for (var i = 0; i < content.Functions.Count; i++)
        {
            var f = content.Functions[i];
            var score = card.Score(f.Key);
            Assert.Equal([f.Name, content.LevelLabels[score], $"{score} van {content.MaxLevel}"], rows[i]);
        }
        Assert.True(await page.Locator("table.profiel-tabel").IsVisibleAsync());

        // What assistive technology gets, as Chromium computes it: an image whose name says the table has the words, described by the table.
        var ax = await AccessibleNodeAsync(page, "#functies svg.wiel-groot");
        Assert.Equal("image", ax.Role);
        Assert.Contains("tabel", ax.Name, StringComparison.OrdinalIgnoreCase);
        var tableId = await wheel.GetAttributeAsync("aria-describedby");
        Assert.False(string.IsNullOrEmpty(tableId));
        Assert.Equal("TABLE", await page.Locator("#" + tableId).EvaluateAsync<string>("e => e.tagName"));
        // Chromium describes the image by the table (its caption): the reference resolves in the accessibility tree.
        Assert.Equal((await page.Locator($"#{tableId} caption").InnerTextAsync()).Trim(), ax.Description);
        Assert.True(await wheel.EvaluateAsync<bool>("svg => svg.getAttribute('focusable') === 'false' && svg.querySelectorAll('text[aria-hidden=true]').length === svg.querySelectorAll('text').length"),
            "The numbers in the wheel are hidden from assistive technology (the table already says them).");

        // The small wheels in the catalogue carry the whole profile in words as their name.
        await s.GotoAsync(PageKinds.Catalogue);
        var small = await AccessibleNodeAsync(page, $"#catalogus-lijst li[data-slug='{Slug}'] svg.wiel-klein");
        Assert.Equal("image", small.Role);
        var expectedName = "Functieprofiel — " + string.Join(" ", content.Functions.Select((f, i) =>
            $"{f.Name}: {content.LevelLabels[card.Score(f.Key)]}{(i == content.Functions.Count - 1 ? "." : ";")}"));
        Assert.Equal(expectedName, small.Name);

        s.AssertNoProblems();
    }

    private sealed record AccessibleNode(string Role, string Name, string Description);

    /// <summary>The role, name and description Chromium's accessibility tree gives an element (the DevTools protocol, as a screen reader would see it).</summary>
    private static async Task<AccessibleNode> AccessibleNodeAsync(IPage page, string selector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Accessibility.enable");
        var document = await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = 0 });
        var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var found = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = root, ["selector"] = selector });
        var nodeId = found!.Value.GetProperty("nodeId").GetInt32();
        Assert.True(nodeId != 0, $"{selector} is on the page.");
        var tree = await cdp.SendAsync("Accessibility.getPartialAXTree", new Dictionary<string, object> { ["nodeId"] = nodeId, ["fetchRelatives"] = false });
        var node = tree!.Value.GetProperty("nodes")[0];
        await cdp.DetachAsync();
        return new AccessibleNode(Value(node, "role"), Value(node, "name"), Value(node, "description"));
    }

    private static string Value(JsonElement node, string property) =>
        node.TryGetProperty(property, out var p) && p.TryGetProperty("value", out var v) ? v.ToString() : "";

    /// <summary>Relative luminance of a computed colour "rgb(r, g, b)".</summary>
    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Select(p => double.Parse(p.Trim(), CultureInfo.InvariantCulture) / 255).ToArray();
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(parts[0]) + 0.7152 * Linear(parts[1]) + 0.0722 * Linear(parts[2]);
    }
}
