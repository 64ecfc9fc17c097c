using System.Text;
using KennisSite.Diagnostics;
using KennisSite.Output;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Reliability;

/// <summary>
/// A one-off build writes each page as soon as it is rendered, into a staging folder beside the output. Whatever it
/// wrote there, the output folder changes all at once or not at all.
/// </summary>
public sealed class StreamedWriteTests
{
    private static void PreviousSite(TestSite site)
    {
        Directory.CreateDirectory(site.FullPath("_site"));
        File.WriteAllText(site.FullPath("_site/index.html"), "vorige versie");
    }

    private static void AssertPreviousSiteUntouched(TestSite site)
    {
        Assert.Equal(["index.html"], Directory.GetFiles(site.FullPath("_site"), "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.Equal("vorige versie", File.ReadAllText(site.FullPath("_site/index.html")));
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, "._site.*"));
    }

    [Fact]
    public void A_template_error_on_one_page_after_others_were_written_leaves_the_previous_site_and_no_staging_folder()
    {
        using var site = TestSite.FromSample();
        site.Edit("templates/thema.html", text => text + "\n{{ bestaat_niet.titel }}");
        PreviousSite(site);

        var result = SiteBuilder.Build(new BuildOptions(site.Root));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        AssertPreviousSiteUntouched(site);
    }

    [Fact]
    public void A_warning_under_strict_leaves_the_previous_site_though_the_pages_were_already_written()
    {
        using var site = TestSite.FromSample();
        File.WriteAllText(site.FullPath("content/praktijkvoorbeelden/notities.txt"), "los bestand");
        PreviousSite(site);

        var result = SiteBuilder.Build(new BuildOptions(site.Root, Strict: true));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnexpectedFile && d.Severity == Severity.Error);
        Assert.True(result.PageCount > 0);
        AssertPreviousSiteUntouched(site);
    }

    [Fact]
    public void A_page_written_early_and_again_shorter_keeps_nothing_of_its_first_version()
    {
        // The home and search pages show the zip's size and are made again once it is known; the second text can be shorter.
        using var site = TestSite.FromSample();
        var output = site.FullPath("_site");
        var writer = SiteWriter.Start(output);
        using (var early = writer.Open("index.html"))
        {
            early.Write(Encoding.UTF8.GetBytes(new string('x', 10_000)));
            early.Finish();
        }

        Assert.True(writer.Finish([new OutputFile("index.html", "kort"u8.ToArray())], new DiagnosticBag()));
        Assert.Equal("kort", File.ReadAllText(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void The_files_on_disk_are_the_files_of_the_build()
    {
        using var site = TestSite.FromSample();

        var result = SiteBuilder.Build(new BuildOptions(site.Root));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var onDisk = Directory.GetFiles(site.FullPath("_site"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.FullPath("_site"), f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(result.Files.Select(f => f.Path).Order(StringComparer.Ordinal), onDisk);
        foreach (var file in result.Files)
            Assert.True(file.Content.AsSpan().SequenceEqual(File.ReadAllBytes(site.FullPath("_site/" + file.Path))), $"{file.Path} differs on disk.");
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, "._site.*"));
    }

    [Fact]
    public void The_site_written_to_disk_is_the_site_built_in_memory()
    {
        // Written, pages go from the templates straight to their files; in memory (serve, tests) they are made whole.
        using var site = TestSite.FromSample();

        var inMemory = SiteBuilder.Build(new BuildOptions(site.Root, WriteOutput: false));
        var written = SiteBuilder.Build(new BuildOptions(site.Root));

        Assert.True(written.Succeeded, string.Join("\n", written.Diagnostics));
        foreach (var file in inMemory.Files)
            Assert.True(file.Content.AsSpan().SequenceEqual(File.ReadAllBytes(site.FullPath("_site/" + file.Path))), $"{file.Path} differs on disk.");
        Assert.Equal(inMemory.Files.Count, written.Files.Count);
    }

    [Fact]
    public void The_offline_zip_on_disk_holds_each_file_as_it_was_written()
    {
        // The pages wait for the zip deflated in a file beside the output, not in memory: what comes back must be them.
        using var site = TestSite.FromSample();

        var result = SiteBuilder.Build(new BuildOptions(site.Root));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var zipPath = Directory.GetFiles(site.FullPath("_site"), "*.zip").Single();
        using var zip = System.IO.Compression.ZipFile.OpenRead(zipPath);
        var folder = Path.GetFileNameWithoutExtension(zipPath) + "/";
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        Assert.Equal(result.Files.Count - 1, entries.Count);
        foreach (var entry in entries)
        {
            using var read = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(read);
            var onDisk = File.ReadAllBytes(site.FullPath("_site/" + entry.FullName[folder.Length..]));
            Assert.True(read.ToArray().AsSpan().SequenceEqual(onDisk), $"{entry.FullName} in the zip differs from the file on disk.");
        }
    }
}
