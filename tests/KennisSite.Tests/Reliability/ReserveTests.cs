using KennisSite.Diagnostics;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Reliability;

/// <summary>
/// The site a build swaps out is kept beside the output folder as the reserve (._site.reserve), and the next build
/// writes over its files instead of making new ones. Whatever the reserve holds, the output is the site a build into
/// an empty folder makes.
/// </summary>
public sealed class ReserveTests
{
    private const string Reserve = "._site.reserve";

    [Fact]
    public void A_build_over_the_reserve_makes_the_same_site_as_a_build_into_an_empty_folder()
    {
        using var site = TestSite.FromSample();
        Build(site);
        Build(site);
        Assert.True(Directory.Exists(site.FullPath(Reserve)), "The second build did not keep the first site as the reserve.");

        // What an editor changes between builds: a card removed, one added, a title changed.
        var cards = site.FullPath("content/praktijkvoorbeelden");
        File.Delete(Path.Combine(cards, "aetcis-praatrondes.yml"));
        site.Edit("content/cahiers/zorgkracht-in-persoonlijke-netwerken/index.md", text => text.Replace("(../../praktijkvoorbeelden/aetcis-praatrondes.yml)", ""));
        File.Copy(Path.Combine(cards, "centrum-viva-jette.yml"), Path.Combine(cards, "centrum-viva-jette-bis.yml"));
        site.Edit("content/praktijkvoorbeelden/citisen-brabantwijk.yml", text => text.Replace("titel: Citisen", "titel: Citisen in de Brabantwijk"));
        // And what no earlier build left, but a reserve may hold all the same.
        TamperWith(site.FullPath(Reserve));

        Build(site);

        var fresh = site.FullPath("vers");
        Build(site, fresh);
        FolderSnapshot.Take(fresh).AssertSameAs(FolderSnapshot.Take(site.FullPath("_site")), "The site built over the reserve");
        Assert.True(Directory.Exists(site.FullPath(Reserve)), "The build over the reserve did not keep the site it replaced.");
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, "._site.nieuw-*"));
    }

    [Fact]
    public void A_failed_build_leaves_the_site_as_it_was_and_the_reserve_for_the_next_build()
    {
        using var site = TestSite.FromSample();
        Build(site);
        Build(site);
        var before = FolderSnapshot.Take(site.FullPath("_site"));
        site.Edit("templates/thema.html", text => text + "\n{{ bestaat_niet.titel }}");

        var failed = SiteBuilder.Build(new BuildOptions(site.Root));

        Assert.Contains(failed.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        before.AssertSameAs(FolderSnapshot.Take(site.FullPath("_site")), "The site after a failed build");
        Assert.True(Directory.Exists(site.FullPath(Reserve)), "The failed build removed the reserve.");
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, "._site.nieuw-*"));

        site.Edit("templates/thema.html", text => text.Replace("\n{{ bestaat_niet.titel }}", ""));
        Build(site);
        Build(site, site.FullPath("vers"));
        FolderSnapshot.Take(site.FullPath("vers")).AssertSameAs(FolderSnapshot.Take(site.FullPath("_site")), "The site built after the failed build");
    }

    [Fact]
    public void An_output_folder_that_is_a_link_stays_a_link_to_the_new_site()
    {
        using var site = TestSite.FromSample();
        var real = Directory.CreateDirectory(site.FullPath("webserver/kennisbank")).FullName;
        Directory.CreateSymbolicLink(site.FullPath("_site"), real);
        Build(site, site.FullPath("vers"));
        var fresh = FolderSnapshot.Take(site.FullPath("vers"));

        for (var build = 1; build <= 3; build++)
        {
            Build(site);
            Assert.Equal(real, new DirectoryInfo(site.FullPath("_site")).LinkTarget);
            fresh.AssertSameAs(FolderSnapshot.Take(real), $"The folder the link points to, after build {build}");
        }
        Assert.False(Directory.Exists(site.FullPath(Reserve)), "The reserve is beside the folder the link points to, not beside the link.");
        Assert.True(Directory.Exists(site.FullPath("webserver/.kennisbank.reserve")));
    }

    [Fact]
    public void An_output_folder_that_is_a_link_into_content_is_refused_and_content_stays()
    {
        using var site = TestSite.FromSample();
        Directory.CreateSymbolicLink(site.FullPath("_site"), site.FullPath("content/themas"));
        var content = FolderSnapshot.Take(site.FullPath("content"));

        var result = SiteBuilder.Build(new BuildOptions(site.Root));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputWriteFailed);
        content.AssertSameAs(FolderSnapshot.Take(site.FullPath("content")), "content/ after a build into a link to content/themas");
        Assert.Empty(Directory.GetFileSystemEntries(site.FullPath("content"), ".themas.*"));
    }

    private static void Build(TestSite site, string? output = null)
    {
        var result = SiteBuilder.Build(new BuildOptions(site.Root, output));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    /// <summary>Files longer and shorter than the new ones, strays, and a file and a folder each where the other belongs.</summary>
    private static void TamperWith(string reserve)
    {
        File.AppendAllText(Path.Combine(reserve, "index.html"), new string('x', 100_000));
        File.WriteAllText(Path.Combine(reserve, "404.html"), "kort");
        File.WriteAllText(Path.Combine(reserve, ".verborgen"), "los bestand");
        Directory.CreateDirectory(Path.Combine(reserve, "oud", "leeg"));
        File.WriteAllText(Path.Combine(reserve, "oud", "pagina.html"), "weg");
        Directory.CreateDirectory(Path.Combine(reserve, "praktijkvoorbeelden", "bestaat-niet-meer"));
        File.WriteAllText(Path.Combine(reserve, "praktijkvoorbeelden", "bestaat-niet-meer", "index.html"), "weg");
        Directory.Delete(Path.Combine(reserve, "zoeken"), recursive: true);
        File.WriteAllText(Path.Combine(reserve, "zoeken"), "een bestand waar een map hoort");
        File.Delete(Path.Combine(reserve, "feed.xml"));
        Directory.CreateDirectory(Path.Combine(reserve, "feed.xml", "binnenin"));
    }
}
