using KennisSite.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace KennisSite.BrowserTests;

/// <summary>
/// Scenario 7: every page kind at phone and desktop width, kept as pictures for a human to look at; no sideways scrolling on a phone
/// (375 px), nor at 320 px, the width WCAG 1.4.10 (reflow) asks for.
/// </summary>
[Collection(BrowserCollection.Scenarios)]
[Trait("Category", "Browser")]
public sealed class ScreenshotTests(SiteFixture site, ITestOutputHelper output)
{
    public const int Phone = 375;
    public const int Reflow = 320;
    public const int Desktop = 1280;

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Every_page_kind_fits_a_375px_phone_without_scrolling_sideways_and_is_photographed_at_phone_and_desktop_width(string mode)
    {
        var folder = Path.Combine(site.ArtifactsFolder, "screenshots", mode);
        Directory.CreateDirectory(folder);
        output.WriteLine($"Screenshots: {folder}");
        var tooWide = new List<string>();
        var problems = new List<string>();
        foreach (var width in new[] { Phone, Desktop })
        {
            await using var s = await site.OpenAsync(mode, width: width, height: width == Phone ? 812 : 900);
            foreach (var kind in PageKinds.All.Keys)
            {
                await PageKinds.OpenAsync(s, kind);
                if (width == Phone)
                {
                    await CheckWidthAsync(s, kind, tooWide);
                    await s.Page.SetViewportSizeAsync(Reflow, 812);
                    await CheckWidthAsync(s, kind, tooWide);
                    await s.Page.SetViewportSizeAsync(Phone, 812);
                }
                await s.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{kind}-{width}.jpg"), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 85 });
            }
            problems.AddRange(s.Problems);
        }
        Assert.True(tooWide.Count == 0, $"Pages that scroll sideways on a phone ({mode}):\n  " + string.Join("\n  ", tooWide));
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in the browser ({mode}):\n  " + string.Join("\n  ", problems));
    }

    private static async Task CheckWidthAsync(SiteSession s, string kind, List<string> tooWide)
    {
        var widths = await s.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
            tooWide.Add($"{kind} ({s.Relative(s.Page.Url)}): {widths[0]}px wide in a {widths[1]}px window — widest: {await WidestAsync(s.Page)}");
    }

    /// <summary>The element that sticks out furthest to the right, to say what makes a page too wide.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => {
          let worst = null, right = window.innerWidth;
          const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
          for (const e of document.body.querySelectorAll('*')) {
            if (clipped(e)) continue; // inside a box that scrolls (or clips) on its own
            const r = e.getBoundingClientRect().right;
            if (r > right) { right = r; worst = e; }
          }
          return worst ? `${worst.tagName.toLowerCase()}${worst.id ? '#' + worst.id : ''}${worst.className && typeof worst.className === 'string' ? '.' + worst.className.trim().split(/\s+/).join('.') : ''} to ${Math.round(right)}px` : 'nothing';
        }
        """);
}
