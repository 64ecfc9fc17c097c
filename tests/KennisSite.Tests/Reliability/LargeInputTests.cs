using System.Text;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Reliability;

/// <summary>Sizes that come from pasting whole reports or importing a partner's database: they build, or say why not.</summary>
public class LargeInputTests
{
    [Fact]
    public void A_20_MB_cahier_builds()
    {
        var paragraph = "Buren, vrienden en familie vormen samen het informele netwerk van kwetsbare Brusselaars; " +
                        "wie weinig steun vindt, leunt zwaarder op de professionele hulpverlening. ";
        var body = new StringBuilder();
        var chapter = 0;
        while (body.Length < 20_000_000)
        {
            body.Append($"## Hoofdstuk {++chapter}\n\n");
            for (var p = 0; p < 40; p++) body.Append(paragraph).Append(paragraph).Append("\n\n");
        }
        using var site = TestSite.Create($"""
            {TestSite.MinimalSite}
            -- content/cahiers/groot.md --
            ---
            titel: Een heel groot cahier
            datum: 2020-01-01
            auteurs: [Redactie]
            samenvatting: Twintig megabyte tekst.
            themas: [buren]
            ---

            {body}
            """);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains($"id=\"hoofdstuk-{chapter}\"", result.Text("cahiers/groot/index.html"));
    }

    [Fact]
    public void Ten_thousand_cards_in_one_folder_build_and_one_broken_card_among_them_is_found()
    {
        using var site = TestSite.Create($"""
            {TestSite.MinimalSite}
            """);
        var folder = site.FullPath("content/praktijkvoorbeelden");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < 10_000; i++)
            File.WriteAllText(Path.Combine(folder, $"kaart-{i:00000}.yml"), $"""
                titel: Kaart {i}
                plaats: Brussel
                organisatie: Organisatie {i % 97}
                wat: Een project in de buurt, nummer {i}.
                themas: [buren]
                {TestSite.Scores(toeleiding: i % 4, detectie: i / 4 % 4)}
                """);
        var good = File.ReadAllText(Path.Combine(folder, "kaart-04242.yml"));
        File.WriteAllText(Path.Combine(folder, "kaart-04242.yml"), "titel: [kapot\n");

        var error = Assert.Single(site.Check().Diagnostics);
        Assert.Equal("KS1002", error.Code);
        Assert.Equal("content/praktijkvoorbeelden/kaart-04242.yml", error.Location?.Path);

        File.WriteAllText(Path.Combine(folder, "kaart-04242.yml"), good);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        Assert.Equal(10_000, result.Files.Count(f => f.Path.StartsWith("praktijkvoorbeelden/kaart-", StringComparison.Ordinal) && f.Path.EndsWith("/index.html", StringComparison.Ordinal)));
        Assert.Contains("kaart-09999/index.html", result.Text("praktijkvoorbeelden/index.html"));
    }
}
