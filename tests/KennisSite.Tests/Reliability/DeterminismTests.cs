using System.Globalization;
using KennisSite.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KennisSite.Tests.Reliability;

/// <summary>
/// "Deterministic": the same input gives the same bytes, whatever the culture of the machine, the working directory the
/// build starts from, or the order in which the file system lists the files. Every build here is compared file by file
/// with one reference build of the sample site (invariant culture, absolute path, files copied in order).
/// </summary>
[Collection(SerialReliabilityCollection.Name)] // changes the culture and working directory of the whole test process
public sealed class DeterminismTests(DeterminismTests.SampleSiteCopies copies, ITestOutputHelper log) : IClassFixture<DeterminismTests.SampleSiteCopies>
{
    public enum StartedFrom { TheSiteFolder, ItsParentFolder, AnUnrelatedFolder }

    public enum FilesCreated { InOrder, InReverseOrder }

    [Theory]
    [InlineData("nl-BE", StartedFrom.TheSiteFolder, FilesCreated.InOrder)]
    [InlineData("en-US", StartedFrom.TheSiteFolder, FilesCreated.InOrder)]
    [InlineData("invariant", StartedFrom.ItsParentFolder, FilesCreated.InOrder)]
    [InlineData("invariant", StartedFrom.TheSiteFolder, FilesCreated.InReverseOrder)]
    [InlineData("nl-BE", StartedFrom.AnUnrelatedFolder, FilesCreated.InReverseOrder)]
    [InlineData("en-US", StartedFrom.ItsParentFolder, FilesCreated.InReverseOrder)]
    public void A_build_in_process_gives_the_same_bytes_as_the_reference(string culture, StartedFrom startedFrom, FilesCreated filesCreated)
    {
        var site = copies.Site(filesCreated);
        var (workingDirectory, siteArgument) = copies.Start(site, startedFrom);

        var result = WithCultureAndWorkingDirectory(culture, workingDirectory, () => SiteBuilder.Build(new BuildOptions(siteArgument)));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(Path.Combine(site, "_site"), result.OutputFolder);
        copies.Reference.AssertSameAs(FolderSnapshot.Take(result.OutputFolder!),
            $"Built under culture {culture}, started from {startedFrom} with --site '{siteArgument}', files created {filesCreated}");
    }

    /// <summary>
    /// The CLI as users run it, with the locale and time zone in the environment, and once the way .NET runs where ICU is
    /// missing or switched off (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1: slim and Alpine container images, some CI runners).
    /// </summary>
    [Theory]
    [InlineData("nl_BE.UTF-8", "Europe/Brussels", StartedFrom.TheSiteFolder, FilesCreated.InReverseOrder, false)]
    [InlineData("en_US.UTF-8", "America/Los_Angeles", StartedFrom.ItsParentFolder, FilesCreated.InOrder, false)]
    [InlineData("C", "Pacific/Kiritimati", StartedFrom.AnUnrelatedFolder, FilesCreated.InReverseOrder, false)]
    [InlineData("C.UTF-8", "UTC", StartedFrom.TheSiteFolder, FilesCreated.InOrder, true)]
    public void A_build_with_the_command_line_gives_the_same_bytes_as_the_reference(string locale, string timeZone, StartedFrom startedFrom,
        FilesCreated filesCreated, bool withoutIcu)
    {
        var site = copies.Site(filesCreated);
        var (workingDirectory, siteArgument) = copies.Start(site, startedFrom);
        var environment = new Dictionary<string, string> { ["LANG"] = locale, ["LC_ALL"] = locale, ["TZ"] = timeZone };
        if (withoutIcu) environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";

        KennisCli.Build(["--site", siteArgument], workingDirectory, environment);

        copies.Reference.AssertSameAs(FolderSnapshot.Take(Path.Combine(site, "_site")),
            $"Built by the CLI with LANG={locale}, TZ={timeZone}{(withoutIcu ? ", without ICU" : "")}, started from {startedFrom} with --site '{siteArgument}', files created {filesCreated}");
    }

    [Fact]
    public void The_two_copies_really_are_listed_in_different_orders_where_the_file_system_allows_it()
    {
        var inOrder = Listing(copies.Site(FilesCreated.InOrder));
        var reversed = Listing(copies.Site(FilesCreated.InReverseOrder));
        log.WriteLine($"Copy created in order ({copies.Site(FilesCreated.InOrder)}) lists: {string.Join(", ", inOrder)}");
        log.WriteLine($"Copy created in reverse ({copies.Site(FilesCreated.InReverseOrder)}) lists: {string.Join(", ", reversed)}");
        Assert.Equal(inOrder.Order(StringComparer.Ordinal), reversed.Order(StringComparer.Ordinal));
        // ext4 lists a folder in the order of a hash of the names, whatever the creation order; tmpfs lists the newest first.
        // Only there can the test promise that the file-order variants above exercise a different order.
        if (copies.ReversedCopyOnTmpfs) Assert.NotEqual(inOrder, reversed);
    }

    private static List<string> Listing(string site) =>
        Directory.EnumerateFileSystemEntries(Path.Combine(site, "content", "praktijkvoorbeelden")).Select(Path.GetFileName).ToList()!;

    private static T WithCultureAndWorkingDirectory<T>(string name, string workingDirectory, Func<T> action)
    {
        var culture = name == "invariant" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name);
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var (threadDefault, threadDefaultUi) = (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
        var directory = Directory.GetCurrentDirectory();
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
            Directory.SetCurrentDirectory(workingDirectory);
            // Guard against a test process without ICU, where every culture would quietly behave as the invariant one.
            Assert.Equal(name == "nl-BE" ? "1,5" : "1.5", 1.5.ToString(CultureInfo.CurrentCulture));
            return action();
        }
        finally
        {
            Directory.SetCurrentDirectory(directory);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
            (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = (threadDefault, threadDefaultUi);
        }
    }

    /// <summary>
    /// Two copies of the repository's sample site (site.yml, content/, templates/), copied file by file: one in ordinal
    /// order, one in reverse order (on tmpfs when there is one, since ext4 ignores creation order when listing); plus the
    /// reference output, built in process with the invariant culture from an absolute path.
    /// </summary>
    public sealed class SampleSiteCopies : IDisposable
    {
        private readonly string _work = Directory.CreateTempSubdirectory("kennissite-determinisme-").FullName;
        private readonly string _reversedContainer;
        private readonly string _inOrder;
        private readonly string _inReverseOrder;

        /// <summary>An empty folder that has nothing to do with the site, to start builds from.</summary>
        public string Unrelated { get; }
        public bool ReversedCopyOnTmpfs { get; }
        public FolderSnapshot Reference { get; }

        public SampleSiteCopies()
        {
            Unrelated = Directory.CreateDirectory(Path.Combine(_work, "elders")).FullName;
            _inOrder = Path.Combine(_work, "op-volgorde", "site");
            CopySample(_inOrder, reverse: false);

            ReversedCopyOnTmpfs = TryCreate("/dev/shm", out var container);
            _reversedContainer = container ?? Directory.CreateDirectory(Path.Combine(_work, "omgekeerd")).FullName;
            _inReverseOrder = Path.Combine(_reversedContainer, "site");
            CopySample(_inReverseOrder, reverse: true);

            var result = WithCultureAndWorkingDirectory("invariant", Unrelated, () => SiteBuilder.Build(new BuildOptions(_inOrder, Path.Combine(_work, "referentie"))));
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Reference = FolderSnapshot.Take(Path.Combine(_work, "referentie"));
            Assert.Contains("index.html", Reference.Files.Keys);
        }

        public string Site(FilesCreated filesCreated) => filesCreated == FilesCreated.InOrder ? _inOrder : _inReverseOrder;

        /// <summary>The working directory and the --site argument that reach <paramref name="site"/> from it.</summary>
        public (string WorkingDirectory, string SiteArgument) Start(string site, StartedFrom startedFrom) => startedFrom switch
        {
            StartedFrom.TheSiteFolder => (site, "."),
            StartedFrom.ItsParentFolder => (Path.GetDirectoryName(site)!, Path.GetFileName(site)),
            _ => (Unrelated, site),
        };

        private static void CopySample(string to, bool reverse)
        {
            var files = new[] { "content", "templates" }
                .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*", SearchOption.AllDirectories))
                .Append(Path.Combine(RepoPaths.Root, "site.yml"))
                .Select(file => Path.GetRelativePath(RepoPaths.Root, file))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (reverse) files.Reverse();
            foreach (var file in files)
            {
                var target = Path.Combine(to, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(RepoPaths.Root, file), target);
            }
        }

        private static bool TryCreate(string tmpfs, out string? folder)
        {
            folder = null;
            if (!OperatingSystem.IsLinux() || !Directory.Exists(tmpfs)) return false;
            try
            {
                folder = Path.Combine(tmpfs, "kennissite-determinisme-" + Guid.NewGuid().ToString("N")[..12]);
                Directory.CreateDirectory(folder);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                folder = null;
                return false;
            }
        }

        public void Dispose()
        {
            foreach (var folder in new[] { _work, _reversedContainer })
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
