using AngleSharp.Html.Parser;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Linking;

/// <summary>Editors link with source paths as they see them on disk; readers get relative output URLs.</summary>
public class LinkRewritingTests
{
    private static string Site(string extraConfig = "") => $"""
        -- site.yml --
        {TestSite.StandardConfig}
        {extraConfig}
        -- content/themas/wonen.md --
        ---
        titel: Wonen
        ---
        Zie [het cahier](../cahiers/netwerken/index.md#vier-aanbevelingen).
        -- content/cahiers/netwerken/index.md --
        ---
        titel: Netwerken
        datum: 2018-06-28
        auteurs: [Rebecca Thys]
        samenvatting: Over netwerken.
        themas: [wonen]
        ---

        ## Vier aanbevelingen

        Zie [leerpunten](../../praktijkvoorbeelden/straten.yml#leerpunten), [wonen](../../themas/wonen.md),
        [het andere cahier](../buurt.md#de-functies), [hierboven](#vier-aanbevelingen), [over](../../paginas/over.md)
        en [de website](https://example.org/a?b=c).

        ![Een netwerk](kaart.png)
        -- content/cahiers/netwerken/kaart.png --
        niet echt een png, maar een bestand
        -- content/cahiers/buurt.md --
        ---
        titel: Buurt
        datum: 2019-10-15
        auteurs: [Stefaan Vermeulen]
        samenvatting: Over de buurt.
        themas: [wonen]
        ---

        ## De functies

        Tekst.
        -- content/paginas/over.md --
        ---
        titel: Over
        ---
        Tekst.
        -- content/praktijkvoorbeelden/straten.yml --
        titel: Zorgzame Straten
        plaats: Antwerpen
        organisatie: Burgerinitiatief
        wat: Bewoners zorgen voor elkaar.
        leerpunten: [Start klein.]
        themas: [wonen]
        {TestSite.Scores()}
        """;

    private static List<string> Hrefs(BuildResult result, string page) =>
        new HtmlParser().ParseDocument(result.Text(page)).QuerySelectorAll("main a[href], main img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();

    [Fact]
    public void Source_paths_become_relative_links_ending_in_index_html()
    {
        using var site = TestSite.Create(Site());
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var hrefs = Hrefs(result, "cahiers/netwerken/index.html");
        Assert.Contains("../../praktijkvoorbeelden/straten/index.html#leerpunten", hrefs);
        Assert.Contains("../../themas/wonen/index.html", hrefs);
        Assert.Contains("../../cahiers/buurt/index.html#de-functies", hrefs);
        Assert.Contains("#vier-aanbevelingen", hrefs);
        Assert.Contains("../../over/index.html", hrefs);
        Assert.Contains("https://example.org/a?b=c", hrefs);
        Assert.Contains("../../cahiers/netwerken/kaart.png", hrefs);
        Assert.NotNull(result.File("cahiers/netwerken/kaart.png"));
        Assert.Contains("../../cahiers/netwerken/index.html#vier-aanbevelingen", Hrefs(result, "themas/wonen/index.html"));
    }

    [Fact]
    public void Pretty_links_end_in_a_slash()
    {
        using var site = TestSite.Create(Site("links: mooi"));
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var hrefs = Hrefs(result, "cahiers/netwerken/index.html");
        Assert.Contains("../../praktijkvoorbeelden/straten/#leerpunten", hrefs);
        Assert.Contains("../../over/", hrefs);
    }

    [Fact]
    public void A_card_named_by_a_cahier_lists_it_and_the_cahier_lists_the_card()
    {
        using var site = TestSite.Create(Site());
        var result = site.Build();
        Assert.Contains("../../praktijkvoorbeelden/straten/index.html", new HtmlParser().ParseDocument(result.Text("cahiers/netwerken/index.html"))
            .QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("../../cahiers/netwerken/index.html", new HtmlParser().ParseDocument(result.Text("praktijkvoorbeelden/straten/index.html"))
            .QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_link_to_a_draft_is_reported_and_the_draft_is_only_built_with_concepten()
    {
        var text = Site() + "\nconcept: true\n";
        using var site = TestSite.Create(text);
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics);
        Assert.StartsWith("content/cahiers/netwerken/index.md(11,18): error KS3001:", error.ToString());
        Assert.Contains("concept", error.Message);
        var withDrafts = site.Build(drafts: true);
        Assert.True(withDrafts.Succeeded);
        Assert.NotNull(withDrafts.File("praktijkvoorbeelden/straten/index.html"));
    }
}
