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
        return TestSite.Create($"""
            -- site.yml --
            {TestSite.StandardConfig}
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
    public void Hostile_text_in_the_feed_stays_text()
    {
        using var site = HostileSite();
        var feed = site.Build().Text("feed.xml");
        Assert.DoesNotContain("<script>", feed);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", feed);
    }
}
