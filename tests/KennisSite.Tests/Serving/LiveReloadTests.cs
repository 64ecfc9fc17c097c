using KennisSite.Serving;

namespace KennisSite.Tests.Serving;

/// <summary>
/// A page knows how many reloads had been asked for when it was served; when it connects, it reloads at once if its own
/// page (or every page) was reloaded since, and not otherwise.
/// </summary>
public sealed class LiveReloadTests
{
    private const string Card = "praktijkvoorbeelden/zoom-seniors/index.html";
    private const string Home = "index.html";

    [Fact]
    public void A_page_served_before_its_reload_reloads_as_soon_as_it_connects()
    {
        var browsers = new LiveReload();
        var servedAt = browsers.Reloads;
        browsers.Reload(new HashSet<string> { Card });

        Assert.True(AsksToReload(browsers, Card, servedAt));
        Assert.False(AsksToReload(browsers, Home, servedAt)); // another page changed
        Assert.False(AsksToReload(browsers, Card, browsers.Reloads)); // served after the reload: up to date
        Assert.False(AsksToReload(browsers, Card, servedAt: null)); // a page that does not say
    }

    [Fact]
    public void A_reload_of_every_page_reaches_pages_that_connect_late()
    {
        var browsers = new LiveReload();
        var servedAt = browsers.Reloads;
        browsers.Reload(null); // errors appeared, or the style sheet changed

        Assert.True(AsksToReload(browsers, Home, servedAt));
        Assert.False(AsksToReload(browsers, Home, browsers.Reloads));
    }

    [Fact]
    public void A_connected_page_hears_its_reload_once()
    {
        var browsers = new LiveReload();
        var events = browsers.Connect(Card, browsers.Reloads, out var disconnect);
        browsers.Reload(new HashSet<string> { Card });
        Assert.True(events.TryRead(out var reload));
        Assert.Equal("herlaad", reload);
        Assert.False(events.TryRead(out _));
        disconnect();
        Assert.Empty(browsers.OpenPages);
    }

    private static bool AsksToReload(LiveReload browsers, string page, long? servedAt)
    {
        var events = browsers.Connect(page, servedAt, out var disconnect);
        disconnect();
        return events.TryRead(out _);
    }
}
