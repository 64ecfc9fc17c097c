using AngleSharp.Html.Parser;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Sites;

/// <summary>Text from partners' forms and e-mails must never become markup on any page.</summary>
public class HostileContentTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string AttributeBreak = "\" onmouseover=\"x";

    private static string Quoted(string text) => "'" + text.Replace("'", "''") + "'";

    private static TestSite HostileSite()
    {
        var both = Quoted(Script + " " + AttributeBreak);
        var config = TestSite.StandardConfig
            .Replace("titel: Testkennisbank", $"titel: {both}")
            .Replace("naam: Toeleiding, omschrijving: Naar hulp begeleiden.", $"naam: {both}, omschrijving: {both}")
            .Replace("naam: Acht functies van buurtzorgregie", $"naam: {both}")
            .Replace("{sleutel: onderwerp, naam: Onderwerpen}", $"{{sleutel: onderwerp, naam: {both}}}")
            .Replace("labels: [niet, beperkt, duidelijk, sterk]", $"labels: [niet, {both}, duidelijk, sterk]");
        return TestSite.Create($"""
            -- site.yml --
            {config}
            -- content/themas/buurtgerichte-zorg.md --
            ---
            titel: {both}
            groep: onderwerp
            ---
            Beschrijving {Script}.
            -- content/cahiers/gevaarlijk.md --
            ---
            titel: {both}
            datum: 2020-01-01
            auteurs: [{both}]
            samenvatting: {both}
            themas: [buurtgerichte-zorg]
            ---

            ## Hoofdstuk {Script}

            Tekst {Script} en <img src=x onerror="alert(1)">.
            -- content/praktijkvoorbeelden/gevaarlijk.yml --
            titel: {both}
            plaats: {both}
            organisatie: {both}
            wat: {both}
            waar: {both}
            wie: {both}
            doelgroepen: [{both}]
            gestart: 2019
            aanpak:
              - titel: {both}
                stappen: [{both}]
            leerpunten: [{both}]
            acties:
              - titel: {both}
                citaat: {both}
            contact:
              personen: [{both}]
            steun: [{both}]
            beoordeling:
              door: {both}
              toelichting: {both}
            themas: [buurtgerichte-zorg]
            cahier: gevaarlijk
            {TestSite.Scores()}
            """);
    }

    [Fact]
    public void Hostile_text_is_inert_on_every_page()
    {
        using var site = HostileSite();
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var parser = new HtmlParser();
        var pages = result.Files.Where(f => f.Path.EndsWith(".html")).ToList();
        Assert.NotEmpty(pages);
        var pagesShowingThePayload = 0;
        foreach (var page in pages)
        {
            var document = parser.ParseDocument(result.Text(page.Path));
            foreach (var script in document.QuerySelectorAll("script"))
            {
                var src = script.GetAttribute("src");
                Assert.True(src is not null && src.EndsWith(".js") && !src.Contains(':'), $"{page.Path} has an inline or foreign script: {script.OuterHtml}");
            }
            foreach (var element in document.All)
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{page.Path}: event handler {attribute.Name} on <{element.LocalName}>");
                    Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            if (document.Body!.TextContent.Contains(Script)) pagesShowingThePayload++;
        }
        // The payload is shown as text where the card, theme and cahier appear, so nothing was silently dropped either.
        Assert.True(pagesShowingThePayload >= 5, $"the text was shown on only {pagesShowingThePayload} pages");
        Assert.Contains(Script, parser.ParseDocument(result.Text("praktijkvoorbeelden/gevaarlijk/index.html")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Hostile_text_in_the_search_store_reads_back_as_the_same_text()
    {
        using var site = HostileSite();
        var output = Directory.CreateTempSubdirectory("kennissite-store-").FullName;
        try
        {
            Assert.True(site.Build(write: true, output: output).Succeeded);
            // Evaluating the store as the browser does proves no payload broke out of its string.
            var script = "const vm=require('vm');const fs=require('fs');const w={};vm.runInNewContext(fs.readFileSync(process.argv[2],'utf8'),{window:w});" +
                         "process.stdout.write(JSON.stringify(w.KENNIS_DOCUMENTEN.map(d=>d.t)))";
            var file = Path.Combine(output, "script.js");
            File.WriteAllText(file, script);
            var titles = System.Text.Json.JsonSerializer.Deserialize<string[]>(Search.LunrTestEnvironment.RunNode(file, Path.Combine(output, "zoeken", "documenten.js")))!;
            Assert.Contains(Script + " " + AttributeBreak, titles);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "KS3004")]
    [InlineData("<javascript:alert(1)>", "KS3004")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "KS3004")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zy8+)", "KS3004")]
    [InlineData("[x]: vbscript:msgbox\n\n[klik][x]", "KS3004")]
    [InlineData("![x](https://example.org/volg.png)", "KS3004")]
    public void Dangerous_links_in_Markdown_are_refused_with_a_located_error(string markdown, string code)
    {
        using var site = TestSite.Create($"""
            -- site.yml --
            {TestSite.StandardConfig}
            -- content/paginas/over.md --
            ---
            titel: Over
            ---
            {markdown}
            """);
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Location is { Path: "content/paginas/over.md", Line: >= 4 });
    }

    [Fact]
    public void Hostile_text_in_the_feed_stays_text()
    {
        using var site = HostileSite();
        var feed = site.Build().Text("feed.xml");
        Assert.DoesNotContain("<script>", feed);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", feed);
    }
}
