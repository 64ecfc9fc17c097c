using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KennisSite.BrowserTests.Infrastructure;

namespace KennisSite.BrowserTests;

/// <summary>Scenario 6: a cahier and a practice example on paper: no navigation chrome, link targets written out, a sane A4 PDF.</summary>
[Collection(BrowserCollection.Scenarios)]
[Trait("Category", "Browser")]
public sealed class PrintTests(SiteFixture site)
{
    /// <summary>What a printed page does without: header search, menus, breadcrumb, footer.</summary>
    private static readonly string[] Chrome = [".skip-link", ".site-kop .zoeken", ".hoofdmenu", ".kruimelpad", ".op-deze-pagina", ".vorige-volgende", ".site-voet"];

    /// <summary>Links whose target a reader of paper needs: in the running text and in the data of the page header.</summary>
    private const string TextLinks = "main .tekst a[href]:not([href^='#']):not(.footnote-ref):not(.footnote-back-ref), main .gegevens dd > a[href]:not([href^='mailto:'])";

    public static IEnumerable<object[]> Pages =>
        from mode in new[] { "file", "http" } from page in new[] { "cahier", "voorbeeld" } select new object[] { mode, page };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Printed_page_hides_navigation_shows_link_targets_and_fits_A4(string mode, string kind)
    {
        await using var s = await site.OpenAsync(mode);
        var page = s.Page;
        await PageKinds.OpenAsync(s, kind);
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var selector in Chrome)
        {
            var shown = await page.Locator(selector).EvaluateAllAsync<int>("els => els.filter(e => getComputedStyle(e).display !== 'none').length");
            Assert.True(shown == 0, $"In print, {selector} is hidden ({shown} still shown on {kind}).");
        }
        Assert.True(await page.Locator("main h1").IsVisibleAsync(), "The content itself prints.");

        var links = await page.Locator(TextLinks).EvaluateAllAsync<string[][]>(
            "els => els.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content, a.textContent.trim()])");
        Assert.True(links.Length > 0, $"The {kind} has links in its text to check.");
        var missing = links.Where(l => !l[1].Contains(l[0], StringComparison.Ordinal)).Select(l => $"'{l[2]}' → {l[0]}: ::after is {l[1]}").ToList();
        Assert.True(missing.Count == 0, "Printed links that do not show where they go:\n  " + string.Join("\n  ", missing));

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text);
        var pages = Regex.Matches(text, @"/Type\s*/Page(?!s)").Count;
        Assert.InRange(pages, 1, 30);
        foreach (Match box in Regex.Matches(text, @"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]"))
        {
            Assert.InRange(double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture), 593, 597); // 210 mm in points
            Assert.InRange(double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture), 840, 844); // 297 mm
        }
        s.AssertNoProblems();
    }
}
