using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Serving;

/// <summary>
/// `serve` rebuilds with what the last build left (parsed files, rendered pages). After every kind of edit an editor
/// makes, that rebuild must give the very bytes a fresh build gives, while redoing only what the edit touched.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private readonly TestSite _site = TestSite.FromSample();
    private readonly BuildCache _cache = new();

    private const string Card = "content/praktijkvoorbeelden/zoom-seniors.yml";
    private const string Cahier = "content/cahiers/zorgkracht-in-persoonlijke-netwerken/index.md";

    [Fact]
    public void Rebuilds_after_edits_additions_renames_and_deletions_equal_a_full_build_byte_for_byte()
    {
        var first = Rebuild("eerste build");
        Assert.Equal(0, _cache.Pages.Reused);

        _site.Edit(Card, text => text.Replace("titel: ", "titel: Vernieuwd - "));
        Rebuild("titel van een praktijkvoorbeeld gewijzigd");
        Assert.Equal(1, _cache.Files.Parsed);
        Assert.InRange(_cache.Pages.Rendered, 2, first.PageCount / 2);

        Write("content/praktijkvoorbeelden/buurtsoep.yml", NewCard("Buurtsoep in Anderlecht", "ouderen, eenzaamheid"));
        Rebuild("praktijkvoorbeeld toegevoegd");
        Assert.Equal(1, _cache.Files.Parsed);

        Move("content/praktijkvoorbeelden/buurtsoep.yml", "content/praktijkvoorbeelden/soep-op-de-stoep.yml");
        Rebuild("praktijkvoorbeeld hernoemd");

        Delete("content/praktijkvoorbeelden/soep-op-de-stoep.yml");
        Rebuild("praktijkvoorbeeld verwijderd");

        _site.Edit(Cahier, text => text + "\nEen alinea die er later bij kwam.\n");
        Rebuild("tekst van een cahier aangevuld");
        Assert.Equal(1, _cache.Files.Parsed);

        _site.Edit(Cahier, text => text + "\nEn een link naar [ZOOM](../../praktijkvoorbeelden/zoom-seniors.yml).\n");
        Rebuild("link in een cahier toegevoegd");

        Write("content/themas/buurtwerk.md", "---\ntitel: Buurtwerk\ngroep: onderwerp\n---\nWerken vanuit de buurt.\n");
        _site.Edit(Card, text => text.Replace("themas: [buurtgerichte-zorg,", "themas: [buurtwerk, buurtgerichte-zorg,"));
        Rebuild("thema toegevoegd en gebruikt");

        Move("content/themas/buurtwerk.md", "content/themas/werken-in-de-buurt.md");
        _site.Edit(Card, text => text.Replace("[buurtwerk,", "[werken-in-de-buurt,"));
        Rebuild("thema hernoemd");

        _site.Edit(Card, text => text.Replace("[werken-in-de-buurt, ", "["));
        Delete("content/themas/werken-in-de-buurt.md");
        Rebuild("thema verwijderd");

        Move("content/cahiers/zorgkracht-in-persoonlijke-netwerken", "content/cahiers/zorgkracht");
        EditAll("content", text => text.Replace("zorgkracht-in-persoonlijke-netwerken", "zorgkracht"));
        Rebuild("cahier hernoemd");

        _site.Edit("content/praktijkvoorbeelden/het-begijnenhuis.yml", text => text.Replace("titel: ", "titel: [kapot"));
        Assert.False(Build(_cache).Succeeded);
        _site.Edit("content/praktijkvoorbeelden/het-begijnenhuis.yml", text => text.Replace("titel: [kapot", "titel: "));
        Rebuild("fout gemaakt en hersteld");

        _site.Edit("templates/assets/site.css", text => text + "\n/* later toegevoegd */\n");
        Rebuild("stijlblad gewijzigd");
        Assert.Equal(0, _cache.Pages.Rendered);

        _site.Edit("site.yml", text => text.Replace("titel: ", "titel: Nieuw - "));
        Rebuild("site.yml gewijzigd");
        Assert.Equal(0, _cache.Pages.Reused);
    }

    [Fact]
    public void A_changed_template_renders_again_exactly_the_pages_that_use_it()
    {
        var before = Rebuild("eerste build");
        var all = before.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).Select(f => f.Path).ToHashSet();

        _site.Edit("templates/thema.html", text => text.Replace("</h1>", "</h1>\n<p>Een zin die er later bij kwam.</p>"));
        var after = Rebuild("sjabloon van een thema gewijzigd");
        Assert.Equal(Expected(all.Where(p => p.StartsWith("themas/", StringComparison.Ordinal) && p != "themas/index.html"), before, after), _cache.Pages.RenderedPaths);

        _site.Edit("templates/partials/wiel.html", text => text + "\n");
        (before, after) = (after, Rebuild("deelsjabloon gewijzigd"));
        Assert.Equal(Expected(after.Files.Where(f => f.Path.EndsWith(".html") && Text(f).Contains("class=\"wiel")).Select(f => f.Path), before, after),
            _cache.Pages.RenderedPaths);

        _site.Edit("templates/layout.html", text => text.Replace("</footer>", "</footer>\n<!-- later -->"));
        Rebuild("basissjabloon gewijzigd");
        Assert.Equal(all, _cache.Pages.RenderedPaths);
    }

    /// <summary>
    /// The pages using the template, and the two pages that show the offline zip's size when that size changed: a
    /// template edit changes the zip, and so, now and then, the size those pages show.
    /// </summary>
    private static HashSet<string> Expected(IEnumerable<string> usingTemplate, BuildResult before, BuildResult after)
    {
        var expected = usingTemplate.ToHashSet();
        string Size(BuildResult r) => Output.OfflineZip.SizeText(r.File("kennisbank-offline.zip")!.Content.Length);
        if (Size(before) != Size(after)) expected.UnionWith(["index.html", "zoeken/index.html"]);
        return expected;
    }

    private static string Text(Output.OutputFile file) => System.Text.Encoding.UTF8.GetString(file.Content);

    /// <summary>Builds with the cache and without, and checks that both give the same files with the same bytes.</summary>
    private BuildResult Rebuild(string step)
    {
        var incremental = Build(_cache);
        Assert.True(incremental.Succeeded, $"{step}: {string.Join("\n", incremental.Diagnostics)}");
        var full = SiteBuilder.Build(new BuildOptions(_site.Root, WriteOutput: false)); // exactly what `kennissite build` does
        Assert.True(full.Succeeded, $"{step}: {string.Join("\n", full.Diagnostics)}");
        Assert.Equal(Paths(full), Paths(incremental));
        foreach (var file in full.Files)
        {
            var other = incremental.File(file.Path)!;
            Assert.True(file.Content.AsSpan().SequenceEqual(other.Content), $"{step}: {file.Path} differs from a full build.");
        }
        return incremental;
    }

    private static List<string> Paths(BuildResult result) => result.Files.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();

    private BuildResult Build(BuildCache cache) => SiteBuilder.Build(new BuildOptions(_site.Root, WriteOutput: false), cache);

    private void EditAll(string folder, Func<string, string> change)
    {
        foreach (var file in Directory.EnumerateFiles(_site.FullPath(folder), "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md") || f.EndsWith(".yml")))
            File.WriteAllText(file, change(File.ReadAllText(file)));
    }

    private void Write(string path, string text) => File.WriteAllText(_site.FullPath(path), text);

    private void Move(string from, string to)
    {
        if (Directory.Exists(_site.FullPath(from))) Directory.Move(_site.FullPath(from), _site.FullPath(to));
        else File.Move(_site.FullPath(from), _site.FullPath(to));
    }

    private void Delete(string path) => File.Delete(_site.FullPath(path));

    public static string NewCard(string title, string themes) => $"""
        titel: {title}
        plaats: Anderlecht
        organisatie: Buurthuis De Linde
        wat: Elke woensdag koken buren samen soep en brengen die rond bij wie niet meer buiten komt.
        doelgroepen: [ouderen]
        gestart: 2022
        {TestSite.Scores()}
        themas: [{themes}]
        """;

    public void Dispose() => _site.Dispose();
}
