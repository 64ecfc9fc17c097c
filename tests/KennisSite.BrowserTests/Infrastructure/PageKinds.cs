namespace KennisSite.BrowserTests.Infrastructure;

/// <summary>One representative page of every kind the site has, and how to open it so that it is ready to look at.</summary>
public static class PageKinds
{
    public const string Cahier = "cahiers/buurtgerichte-zorg-in-brussel/index.html";
    public const string Example = "praktijkvoorbeelden/zorgzame-straten/index.html";
    public const string Catalogue = "praktijkvoorbeelden/index.html";
    public const string Search = "zoeken/index.html";

    /// <summary>Kind → path in the site. "404" is opened as a missing URL over HTTP (the server answers with 404.html) and as 404.html from disk.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["home"] = "index.html",
        ["cahiers"] = "cahiers/index.html",
        ["cahier"] = Cahier,
        ["voorbeeld"] = Example,
        ["catalogus"] = Catalogue,
        ["catalogus-gefilterd"] = Catalogue + "#toeleiding=2&thema=ouderen",
        ["functies"] = "functies/index.html",
        ["functie"] = "functies/toeleiding/index.html",
        ["themas"] = "themas/index.html",
        ["thema"] = "themas/ouderen/index.html",
        ["zoeken"] = Search + "?q=eenzaamheid",
        ["pagina"] = "over/index.html",
        ["verklaring"] = "toegankelijkheidsverklaring/index.html",
        ["404"] = "404.html",
    };

    public static IEnumerable<object[]> InBothModes() =>
        from mode in new[] { "file", "http" } from kind in All.Keys select new object[] { mode, kind };

    /// <summary>Opens the page of a kind and waits until its script has done its work (filters applied, search results shown).</summary>
    public static async Task OpenAsync(SiteSession session, string kind)
    {
        if (kind == "404" && session.Mode == "http")
            await session.GotoNotFoundAsync("bestaat-niet.html");
        else
            await session.GotoAsync(All[kind]);

        switch (kind)
        {
            case "catalogus":
                await session.Page.Locator("#catalogus-filters:not([hidden])").WaitForAsync();
                break;
            case "catalogus-gefilterd":
                await session.Page.Locator("#actieve-filters li").First.WaitForAsync();
                break;
            case "zoeken":
                await session.Page.Locator("#zoekresultaten li").First.WaitForAsync();
                break;
        }
    }
}
