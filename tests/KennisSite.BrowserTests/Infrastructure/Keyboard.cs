namespace KennisSite.BrowserTests.Infrastructure;

/// <summary>Moving through a page with Tab only, checking at every stop that the focus can be seen.</summary>
public static class Keyboard
{
    public sealed class FocusStop
    {
        public string What { get; set; } = "";
        public bool HasIndicator { get; set; }
        public bool OnScreen { get; set; }
        public string Detail { get; set; } = "";
    }

    /// <summary>Where the focus is now, and whether a sighted keyboard user can see it: an outline or box-shadow on an element that is wholly on screen.</summary>
    public static Task<FocusStop> FocusAsync(IPage page) => page.EvaluateAsync<FocusStop>(
        """
        async () => {
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) return { what: 'body', hasIndicator: false, onScreen: false, detail: 'nothing has focus' };
          // Wholly in the window; an element bigger than the window (a scrollable table) at least overlaps it.
          const inView = () => {
            const r = e.getBoundingClientRect();
            const fits = (from, to, size) => to - from > size ? from < size && to > 0 : from >= -1 && to <= size + 1; // 1px for subpixel layout
            return fits(r.top, r.bottom, innerHeight) && fits(r.left, r.right, innerWidth);
          };
          // Should the page scroll smoothly to a newly focused element, give that scroll time to end, also on a busy machine.
          for (const start = performance.now(); !inView() && performance.now() - start < 3000;) await new Promise(requestAnimationFrame);
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
          const shadow = s.boxShadow !== '' && s.boxShadow !== 'none';
          const r = e.getBoundingClientRect();
          let visible = s.visibility !== 'hidden';
          for (let n = e; n && n.nodeType === 1; n = n.parentElement) if (parseFloat(getComputedStyle(n).opacity) === 0) visible = false;
          const onScreen = visible && r.width >= 1 && r.height >= 1 && inView();
          const name = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
          const what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '') + (e.value && e.type === 'checkbox' ? '[value=' + e.value + ']' : '') + (name ? ' "' + name + '"' : '');
          return { what, hasIndicator: outline || shadow, onScreen,
                   detail: `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}, box-shadow ${s.boxShadow}, box ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}` };
        }
        """);

    /// <summary>
    /// Presses Tab until the focused element matches the selector, asserting at every stop on the way that the focus is visible.
    /// Fails when the element is not reached within <paramref name="maxTabs"/> presses.
    /// </summary>
    public static async Task<List<FocusStop>> TabToAsync(IPage page, string selector, int maxTabs = 120, bool backwards = false)
    {
        var stops = new List<FocusStop>();
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var stop = await FocusAsync(page);
            stops.Add(stop);
            AssertVisible(stop);
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector)) return stops;
        }
        Assert.Fail($"'{selector}' was not reached with {maxTabs} presses of Tab. Focus went: {string.Join(" → ", stops.Select(s => s.What))}");
        return stops;
    }

    public static void AssertVisible(FocusStop stop) =>
        Assert.True(stop.HasIndicator && stop.OnScreen, $"The keyboard focus is not visible on {stop.What}: {(stop.OnScreen ? "" : "not on screen; ")}{(stop.HasIndicator ? "" : "no outline or shadow; ")}{stop.Detail}");
}
