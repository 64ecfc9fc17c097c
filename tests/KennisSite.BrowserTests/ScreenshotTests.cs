using KennisSite.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace KennisSite.BrowserTests;

/// <summary>Scenario 7: every page kind at phone and desktop width, kept as pictures for a human to look at; no sideways scrolling on a phone.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ScreenshotTests(SiteFixture site, ITestOutputHelper output)
{
    public const int Phone = 375;
    public const int Desktop = 1280;

    [Theory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Every_page_kind_fits_a_375px_phone_and_is_photographed_at_phone_and_desktop_width(string mode)
    {
        var folder = Path.Combine(site.ArtifactsFolder, "screenshots", mode);
        Directory.CreateDirectory(folder);
        output.WriteLine($"Screenshots: {folder}");
        var tooWide = new List<string>();
        foreach (var width in new[] { Phone, Desktop })
        {
            await using var s = await site.OpenAsync(mode, width: width, height: width == Phone ? 812 : 900);
            foreach (var kind in PageKinds.All.Keys)
            {
                await PageKinds.OpenAsync(s, kind);
                if (width == Phone)
                {
                    var widths = await s.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                    var (scroll, inner) = (widths[0], widths[1]);
                    if (scroll > inner) tooWide.Add($"{kind} ({s.Relative(s.Page.Url)}): {scroll}px wide in a {inner}px window — widest: {await WidestAsync(s.Page)}");
                }
                await s.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{kind}-{width}.png"), FullPage = true });
            }
            s.AssertNoProblems();
        }
        Assert.True(tooWide.Count == 0, $"Pages that scroll sideways at {Phone}px ({mode}):\n  " + string.Join("\n  ", tooWide));
    }

    /// <summary>The element that sticks out furthest to the right, to say what makes a page too wide.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => {
          let worst = null, right = window.innerWidth;
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect().right;
            if (r > right) { right = r; worst = e; }
          }
          return worst ? `${worst.tagName.toLowerCase()}${worst.id ? '#' + worst.id : ''}${worst.className && typeof worst.className === 'string' ? '.' + worst.className.trim().split(/\s+/).join('.') : ''} to ${Math.round(right)}px` : 'nothing';
        }
        """);
}
