using KennisSite.Benchmarks;
using KennisSite.Configuration;
using KennisSite.Content;
using KennisSite.Diagnostics;
using KennisSite.Linking;
using KennisSite.Markdown;
using KennisSite.Yaml;

namespace KennisSite.Tests.Scale;

/// <summary>
/// A generated corpus in the content model (the benchmarks' generator: Dutch-like text, chapters, links between
/// cahiers and cards, 1-3 themes each, random scores), small enough for the test suite.
/// </summary>
public sealed class GeneratedCorpusTests(GeneratedCorpusTests.Corpus corpus) : IClassFixture<GeneratedCorpusTests.Corpus>
{
    [Fact]
    public void The_output_is_byte_identical_rendered_one_page_at_a_time_and_in_parallel() =>
        AssertSameOutput(new BuildOptions(corpus.Root, WriteOutput: false, Parallelism: 1),
            new BuildOptions(corpus.Root, WriteOutput: false, Parallelism: Math.Max(4, Environment.ProcessorCount)), "between parallelism 1 and 4");

    [Fact]
    public void The_output_folder_is_byte_identical_built_with_parallelism_1_and_the_default()
    {
        var one = Path.Combine(corpus.Root, "uit-1");
        var standard = Path.Combine(corpus.Root, "uit-standaard");
        var first = SiteBuilder.Build(new BuildOptions(corpus.Root, OutputFolder: one, Parallelism: 1));
        var second = SiteBuilder.Build(new BuildOptions(corpus.Root, OutputFolder: standard));
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));

        static string[] FilesIn(string folder) =>
            [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];
        var files = FilesIn(one);
        Assert.Equal(files, FilesIn(standard));
        Assert.Contains("kennisbank-offline.zip", files);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(standard, file))),
                $"{file} differs between parallelism 1 and the default.");
    }

    [Fact]
    public void Reusing_what_partials_wrote_changes_no_byte_of_the_output() =>
        AssertSameOutput(new BuildOptions(corpus.Root, WriteOutput: false) { ReusePartials = false },
            new BuildOptions(corpus.Root, WriteOutput: false), "when partials are reused");

    /// <summary>Both builds succeed and give the same files, in the same order, with the same bytes.</summary>
    private static void AssertSameOutput(BuildOptions expectedOptions, BuildOptions actualOptions, string when)
    {
        var expected = SiteBuilder.Build(expectedOptions);
        var actual = SiteBuilder.Build(actualOptions);
        Assert.True(expected.Succeeded, string.Join("\n", expected.Diagnostics));
        Assert.True(actual.Succeeded, string.Join("\n", actual.Diagnostics));
        Assert.Equal(expected.Files.Select(f => f.Path), actual.Files.Select(f => f.Path));
        foreach (var file in expected.Files)
            Assert.True(file.Content.AsSpan().SequenceEqual(actual.File(file.Path)!.Content), $"{file.Path} differs {when}.");
    }

    [Fact]
    public void Theme_overlaps_equal_an_all_pairs_count_of_items_sharing_both_themes()
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(corpus.Root, diagnostics)!;
        var content = ContentLoader.Load(corpus.Root, config, new MarkdownParser(), includeDrafts: false, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToSortedList()));
        var graph = LinkGraphBuilder.Build(content, new Dictionary<string, DocumentLinks>());

        static bool Has(IEnumerable<Positioned<string>> themes, string slug) => themes.Any(t => t.Value == slug);
        foreach (var theme in content.Themes)
        {
            var expected = new List<(string Other, string[] Cahiers, string[] Cards)>();
            foreach (var other in content.Themes.Where(o => o.Slug != theme.Slug))
            {
                var cahiers = content.Cahiers.Where(c => Has(c.Themes, theme.Slug) && Has(c.Themes, other.Slug)).Select(c => c.Slug).Order(StringComparer.Ordinal).ToArray();
                var cards = content.Cards.Where(c => Has(c.Themes, theme.Slug) && Has(c.Themes, other.Slug)).Select(c => c.Slug).Order(StringComparer.Ordinal).ToArray();
                if (cahiers.Length + cards.Length > 0) expected.Add((other.Slug, cahiers, cards));
            }
            expected = expected.OrderByDescending(e => e.Cahiers.Length + e.Cards.Length).ThenBy(e => e.Other, StringComparer.Ordinal).ToList();

            var actual = graph.RelatedThemes[theme.Slug];
            Assert.Equal(expected.Select(e => e.Other), actual.Select(a => a.Other));
            foreach (var (e, a) in expected.Zip(actual))
            {
                Assert.Equal(e.Cahiers, a.Cahiers.Select(c => c.Slug).Order(StringComparer.Ordinal));
                Assert.Equal(e.Cards, a.Cards.Select(c => c.Slug).Order(StringComparer.Ordinal));
            }
        }
        Assert.Contains(content.Themes, t => graph.RelatedThemes[t.Slug].Count > 0);
    }

    public sealed class Corpus : IDisposable
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "kennissite-corpus-" + Guid.NewGuid().ToString("N")[..12]);

        public Corpus() => SyntheticSite.Write(Root, cahiers: 6, cards: 240, seed: 7);

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        }
    }
}
