using System.Text.Json;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Search;

/// <summary>
/// Queries social workers type, run through real lunr.js and the site's own zoeken.js (in node) against the index
/// the build wrote for the sample site.
/// </summary>
public class SiteSearchTests
{
    private sealed record Hit(string Ref, double Score, string S, string T, string U, string[] Terms);

    private static readonly Lazy<Dictionary<string, List<Hit>>> Results = new(() =>
    {
        var output = Directory.CreateTempSubdirectory("kennissite-zoeken-").FullName;
        try
        {
            var build = SiteBuilder.Build(new BuildOptions(RepoPaths.Root, Path.Combine(output, "site")));
            Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
            var lines = LunrTestEnvironment.RunNode(Path.Combine(LunrTestEnvironment.TestScriptsDir, "site-search.js"), LunrTestEnvironment.NodeModules,
                Path.Combine(output, "site"), "eenzaamheid", "vrijwilligers", "zorgambassadeurs", "mantelzorg", "Begijnenhuis", "buren vrienden", "Eenzaamheid");
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement)
                .ToDictionary(e => e.GetProperty("q").GetString()!, e => e.GetProperty("res").Deserialize<List<Hit>>(options)!);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    });

    [Fact]
    public void Eenzaamheid_finds_the_theme_and_the_chapter_about_loneliness_first()
    {
        var top = Results.Value["eenzaamheid"].Take(2).ToList();
        Assert.Contains(top, h => h is { S: "thema", U: "themas/eenzaamheid/index.html" });
        Assert.Contains(top, h => h.S == "hoofdstuk" && h.T.Contains("Eenzaamheid"));
        Assert.Equal(Results.Value["eenzaamheid"].Select(h => h.Ref), Results.Value["Eenzaamheid"].Select(h => h.Ref));
    }

    [Fact]
    public void Vrijwilligers_finds_items_about_volunteers_and_about_volunteer_work()
    {
        var hits = Results.Value["vrijwilligers"];
        Assert.Equal("Vrijwilligerswerk", hits[0].T);
        Assert.Contains(hits, h => h.Terms.Contains("vrijwilliger"));
        Assert.Contains(hits, h => h.Terms.Contains("vrijwilligerswerk"));
        Assert.Contains(hits, h => h.S == "praktijkvoorbeeld");
    }

    [Theory]
    [InlineData("zorgambassadeurs", "praktijkvoorbeelden/cultuursensitieve-zorgambassadeurs/index.html")]
    [InlineData("mantelzorg", "themas/mantelzorg/index.html")]
    [InlineData("Begijnenhuis", "praktijkvoorbeelden/het-begijnenhuis/index.html")]
    public void A_name_finds_its_own_page_first(string query, string url) => Assert.Equal(url, Results.Value[query][0].U);

    [Fact]
    public void Buren_vrienden_lands_on_a_chapter_of_cahier_5()
    {
        var first = Results.Value["buren vrienden"][0];
        Assert.Equal("hoofdstuk", first.S);
        Assert.StartsWith("cahiers/zorgkracht-in-persoonlijke-netwerken/index.html#", first.U);
    }
}
