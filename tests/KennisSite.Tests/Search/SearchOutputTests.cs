using System.IO.Compression;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Search;

/// <summary>What the build writes for search and for taking the site along offline.</summary>
public class SearchOutputTests
{
    private static TestSite Site() => TestSite.Create($"""
        -- site.yml --
        {TestSite.StandardConfig}
        offline-zip: meenemen.zip
        -- content/themas/buren.md --
        ---
        titel: Buren
        groep: onderwerp
        ---
        Over burenhulp.
        -- content/cahiers/netwerken.md --
        ---
        titel: Zorgkracht in netwerken
        nummer: 5
        datum: 2018-06-28
        auteurs: [Rebecca Thys]
        samenvatting: Steun van familie en buren.
        themas: [buren]
        ---

        Inleiding over netwerken.

        ## Buren en vrienden

        Vrienden en buren helpen[^1].

        ## Vier aanbevelingen

        Versterk de netwerken.

        [^1]: Vooral bij kleine klussen.
        -- content/praktijkvoorbeelden/straten.yml --
        titel: Zorgzame Straten
        plaats: Antwerpen
        organisatie: Burgerinitiatief
        wat: Bewoners zorgen voor elkaar.
        doelgroepen: [ouderen]
        themas: [buren]
        {TestSite.Scores()}
        """);

    [Fact]
    public void Each_chapter_card_theme_function_and_page_is_a_search_document_with_its_own_url()
    {
        using var site = Site();
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var store = result.Text("zoeken/documenten.js");
        var urls = Regex.Matches(store, "\"u\":\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("cahiers/netwerken/index.html", urls);
        Assert.Contains("cahiers/netwerken/index.html#buren-en-vrienden", urls);
        Assert.Contains("cahiers/netwerken/index.html#vier-aanbevelingen", urls);
        Assert.Contains("praktijkvoorbeelden/straten/index.html", urls);
        Assert.Contains("themas/buren/index.html", urls);
        Assert.Contains("functies/toeleiding/index.html", urls);
        Assert.Equal(1 + 2 + 1 + 1 + 8, urls.Count);
        // The footnote is searchable with the chapter that cites it.
        Assert.Matches("\"t\":\"Buren en vrienden\",\"c\":\"Zorgkracht in netwerken\",\"u\":\"[^\"]*\",\"x\":\"Vrienden en buren helpen. Vooral bij kleine klussen.\"", store);
        Assert.StartsWith("window.KENNIS_ZOEKINDEX = JSON.parse('{\"version\":\"2.3.9\",\"fields\":[\"t\",\"k\",\"x\"]", result.Text("zoeken/zoekindex.js"));
    }

    [Fact]
    public void Long_text_full_of_emoji_quotes_and_backslashes_is_written_whole_to_its_page_and_to_search()
    {
        // Long enough that the page and the JSON are written in several chunks, so some emoji fall on a chunk boundary.
        var paragraph = string.Concat(Enumerable.Repeat("Buren 😀😀😀😀😀😀😀😀😀😀 helpen 'samen' a\\b é. ", 2_000));
        using var site = TestSite.Create($"""
            -- site.yml --
            {TestSite.StandardConfig}
            -- content/themas/buren.md --
            ---
            titel: Buren
            groep: onderwerp
            ---
            Over burenhulp.
            -- content/cahiers/lang.md --
            ---
            titel: Lang
            nummer: 1
            datum: 2020-01-01
            auteurs: [Rebecca Thys]
            samenvatting: Lang.
            themas: [buren]
            ---

            {paragraph}
            """);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var strict = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);
        var page = new HtmlParser().ParseDocument(strict.GetString(result.File("cahiers/lang/index.html")!.Content));
        Assert.Contains(paragraph.Trim(), page.QuerySelector("main")!.TextContent);

        var script = strict.GetString(result.File("zoeken/documenten.js")!.Content);
        var literal = Regex.Match(script, @"^window\.KENNIS_DOCUMENTEN = JSON\.parse\('(.*?)'\);\n", RegexOptions.Singleline).Groups[1].Value;
        var json = Regex.Replace(literal, @"\\(u2028|u2029|.)", m => m.Groups[1].Value switch
        {
            "n" => "\n",
            "r" => "\r",
            "u2028" => "\u2028",
            "u2029" => "\u2029",
            var escaped => escaped,
        });
        var texts = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Select(d => d.GetProperty("x").GetString()).ToList();
        Assert.Contains("Lang. " + paragraph.Trim(), texts); // the summary, then the text
    }

    [Fact]
    public void The_search_page_and_the_lunr_scripts_are_in_the_site()
    {
        using var site = Site();
        var result = site.Build();
        Assert.NotNull(result.File("zoeken/index.html"));
        Assert.NotNull(result.File("assets/lunr/lunr.min.js"));
        Assert.NotNull(result.File("assets/lunr/lunr.stemmer.support.min.js"));
        Assert.NotNull(result.File("assets/lunr/lunr.nl.min.js"));
        Assert.Contains("2.3.9", result.Text("assets/lunr/lunr.min.js"));
    }

    [Fact]
    public void The_offline_zip_holds_the_whole_site_and_its_size_is_shown_on_home_and_search()
    {
        using var site = Site();
        var result = site.Build();
        var zip = result.File("meenemen.zip")!;
        using var archive = new ZipArchive(new MemoryStream(zip.Content));
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        var expected = result.Files.Where(f => f.Path != "meenemen.zip").Select(f => "meenemen/" + f.Path).ToHashSet();
        Assert.Equal(expected.Order(), entries.Order());
        var home = archive.GetEntry("meenemen/index.html")!;
        using (var reader = new StreamReader(home.Open()))
            Assert.Equal(result.Text("index.html"), reader.ReadToEnd());

        var size = KennisSite.Output.OfflineZip.SizeText(zip.Content.Length);
        foreach (var (page, href) in new[] { ("index.html", "./meenemen.zip"), ("zoeken/index.html", "../meenemen.zip") })
        {
            var link = new HtmlParser().ParseDocument(result.Text(page)).QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == href);
            Assert.True(link is not null, $"{page} has no link to the zip");
            Assert.Contains(size, link.TextContent);
        }
    }

    [Theory]
    [InlineData(999, "1 kB")]
    [InlineData(318_999, "319 kB")]
    [InlineData(1_250_000, "1,3 MB")]
    [InlineData(12_000_000, "12,0 MB")]
    public void Sizes_read_as_Dutch(long bytes, string text) => Assert.Equal(text, KennisSite.Output.OfflineZip.SizeText(bytes));
}
