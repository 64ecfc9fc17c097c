using AngleSharp.Html.Parser;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Sites;

/// <summary>What a reader of the built sample site relies on: every page of the contract, links that resolve from disk.</summary>
public class SiteOutputTests
{
    private static readonly Lazy<BuildResult> Sample = new(() =>
    {
        var result = SiteBuilder.Build(new BuildOptions(RepoPaths.Root, WriteOutput: false));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    });

    [Fact]
    public void Sample_site_has_every_page_the_contract_lists()
    {
        var files = Sample.Value.Files.Select(f => f.Path).ToHashSet();
        string[] fixedPages = ["index.html", "cahiers/index.html", "praktijkvoorbeelden/index.html", "themas/index.html", "404.html", "feed.xml", "sitemap.xml"];
        Assert.All(fixedPages, p => Assert.Contains(p, files));
        foreach (var dir in new[] { "cahiers", "praktijkvoorbeelden", "themas", "paginas" })
        {
            var kind = dir == "paginas" ? "" : dir + "/";
            foreach (var source in Directory.EnumerateFileSystemEntries(Path.Combine(RepoPaths.Root, "content", dir)))
            {
                var slug = Path.GetFileNameWithoutExtension(source);
                Assert.Contains($"{kind}{slug}/index.html", files);
            }
        }
        foreach (var key in new[] { "buurtanalyse", "samenwerking", "informeren", "sociale-netwerken", "kracht-talenten", "detectie", "toeleiding", "beleidsadvies" })
            Assert.Contains($"functies/{key}/index.html", files);
    }

    [Fact]
    public void Every_internal_link_and_anchor_resolves_to_a_file_of_the_site()
    {
        var result = Sample.Value;
        var files = result.Files.ToDictionary(f => f.Path, f => f);
        var parser = new HtmlParser();
        var idsByPage = new Dictionary<string, HashSet<string>>();
        HashSet<string> Ids(string page) => idsByPage.TryGetValue(page, out var ids) ? ids
            : idsByPage[page] = parser.ParseDocument(result.Text(page)).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet();
        var problems = new List<string>();
        foreach (var page in files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = parser.ParseDocument(result.Text(page));
            var urls = document.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
            foreach (var url in urls)
            {
                if (url.StartsWith("http://") || url.StartsWith("https://") || url.StartsWith("mailto:") || url.StartsWith("tel:")) continue;
                if (url.StartsWith('/')) { problems.Add($"{page}: absolute link {url}"); continue; }
                var hash = url.IndexOf('#');
                var path = hash < 0 ? url : url[..hash];
                if (path.IndexOf('?') is var query and >= 0) path = path[..query];
                var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
                var target = path.Length == 0 ? page : Resolve(page, path);
                if (page == "404.html") continue; // served at any depth by a web server; checked separately
                if (target is null || !files.ContainsKey(target)) { problems.Add($"{page}: {url} does not exist"); continue; }
                if (path.Length > 0 && !path.EndsWith("index.html") && !Path.HasExtension(path)) problems.Add($"{page}: {url} does not end in index.html");
                if (fragment is { Length: > 0 } && target.EndsWith(".html") && !Ids(target).Contains(fragment)) problems.Add($"{page}: {url} has no element with id '{fragment}'");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void No_page_loads_anything_from_outside_the_site()
    {
        var parser = new HtmlParser();
        foreach (var page in Sample.Value.Files.Where(f => f.Path.EndsWith(".html")))
        {
            var document = parser.ParseDocument(Sample.Value.Text(page.Path));
            foreach (var element in document.QuerySelectorAll("script[src], link[rel=stylesheet], img, iframe"))
            {
                var url = element.GetAttribute("src") ?? element.GetAttribute("href") ?? "";
                Assert.False(url.Contains("//"), $"{page.Path} loads {url}");
            }
            Assert.DoesNotContain("fetch(", Sample.Value.Text(page.Path));
        }
        foreach (var script in Sample.Value.Files.Where(f => f.Path.EndsWith(".js")))
            Assert.DoesNotContain("fetch(", System.Text.Encoding.UTF8.GetString(script.Content));
    }

    [Fact]
    public void Two_builds_of_the_same_input_write_byte_identical_folders()
    {
        var first = Directory.CreateTempSubdirectory("kennissite-a-").FullName;
        var second = Directory.CreateTempSubdirectory("kennissite-b-").FullName;
        try
        {
            Assert.True(SiteBuilder.Build(new BuildOptions(RepoPaths.Root, Path.Combine(first, "site"))).Succeeded);
            Assert.True(SiteBuilder.Build(new BuildOptions(RepoPaths.Root, Path.Combine(second, "site"))).Succeeded);
            var a = Snapshot(Path.Combine(first, "site"));
            var b = Snapshot(Path.Combine(second, "site"));
            Assert.Equal(a.Keys, b.Keys);
            Assert.All(a, kv => Assert.True(kv.Value.SequenceEqual(b[kv.Key]), $"{kv.Key} differs between two builds"));
        }
        finally
        {
            Directory.Delete(first, true);
            Directory.Delete(second, true);
        }
    }

    private static SortedDictionary<string, byte[]> Snapshot(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);

    private static string? Resolve(string page, string relative)
    {
        var parts = page.Split('/').SkipLast(1).ToList();
        foreach (var part in Uri.UnescapeDataString(relative).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count == 0) return null; parts.RemoveAt(parts.Count - 1); }
            else parts.Add(part);
        }
        var path = string.Join('/', parts);
        return relative.EndsWith('/') || path.Length == 0 ? (path.Length == 0 ? "index.html" : path + "/index.html") : path;
    }
}
