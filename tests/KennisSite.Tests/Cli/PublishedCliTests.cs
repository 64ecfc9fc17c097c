using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KennisSite.Cli;
using KennisSite.Serving;
using KennisSite.Tests.Infrastructure;
using KennisSite.Tests.Reliability;

namespace KennisSite.Tests.Cli;

/// <summary>
/// The command line as the README tells editors to install it: published, compiled ahead of time (Native AOT). That
/// program has no JIT and keeps only what the compiler saw being used, so what works in the other tests (the library
/// under the JIT) is checked here once more against the real program.
/// </summary>
public sealed class PublishedCliTests(PublishedCliTests.Published cli) : IClassFixture<PublishedCliTests.Published>
{
    [Fact]
    public void The_published_program_builds_the_sample_site_byte_for_byte_as_the_library_does()
    {
        using var site = TestSite.FromSample();
        var expected = site.FullPath("uit-bibliotheek");
        var actual = site.FullPath("uit-programma");
        var built = site.Build(write: true, output: expected);
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));

        var (code, output, error) = cli.Run("build", "--site", site.Root, "--uitvoer", actual);

        Assert.True(code == 0, $"exit code {code}:\n{output}\n{error}");
        var library = FolderSnapshot.Take(expected);
        Assert.Contains("kennisbank-offline.zip", library.Files.Keys);
        Assert.Null(library.FirstDifference(FolderSnapshot.Take(actual)));
    }

    [Fact]
    public void Its_json_report_of_a_broken_site_is_the_library_command_line_s()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "invalid", "zes-fouten-tegelijk"));
        var libraryOutput = new StringWriter();
        var libraryCode = CommandLine.Run(["check", "--site", site.Root, "--json"], libraryOutput, new StringWriter());

        var (code, output, _) = cli.Run("check", "--site", site.Root, "--json");

        Assert.Equal(CommandLine.ContentErrors, libraryCode);
        Assert.Equal(libraryCode, code);
        var expected = JsonNode.Parse(libraryOutput.ToString())!.AsObject();
        var actual = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(6, actual["meldingen"]!.AsArray().Count);
        // The one thing that may differ: how long the check took.
        expected.Remove("seconden");
        Assert.True(actual.Remove("seconden"));
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
    }

    [Fact]
    public async Task Serve_answers_with_the_pages_a_build_makes()
    {
        using var site = TestSite.FromSample();
        var built = site.FullPath("uit-bibliotheek");
        Assert.True(site.Build(write: true, output: built).Succeeded);
        using var serve = cli.Start("serve", "--site", site.Root, "--poort", "0");

        var clock = Stopwatch.StartNew();
        while (!serve.Output.Contains("De site draait op http://") && !serve.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1)) Thread.Sleep(50);
        var announced = Regex.Match(serve.Output, @"http://\S+/");
        Assert.True(announced.Success, $"serve gave no address:\n{serve.Output}\n{serve.Error}");

        using var http = new HttpClient { BaseAddress = new Uri(announced.Value) };
        Assert.Equal(File.ReadAllBytes(Path.Combine(built, "zoeken", "zoekindex.js")), await http.GetByteArrayAsync("zoeken/zoekindex.js"));
        // Pages come with the live-reload script before </body> (not the home and search pages: they show the zip's size,
        // which serve does not make).
        foreach (var page in new[] { "praktijkvoorbeelden/index.html", "praktijkvoorbeelden/aetcis-praatrondes/index.html", "cahiers/index.html" })
        {
            var served = await http.GetStringAsync(page);
            var version = long.Parse(Regex.Match(served, @"versie=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            var expected = File.ReadAllText(Path.Combine(built, page));
            var end = expected.LastIndexOf("</body>", StringComparison.Ordinal);
            Assert.Equal(expected[..end] + LiveReload.Script(version) + expected[end..], served);
        }
    }

    /// <summary>The program, published once for the tests of this class (a minute or two: the whole program is compiled).</summary>
    public sealed class Published : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "kennissite-publish-" + Guid.NewGuid().ToString("N")[..12]);

        public Published()
        {
            using var publish = Process.Start(new ProcessStartInfo(KennisCli.DotnetHost(),
                ["publish", Path.Combine(RepoPaths.Root, "src", "KennisSite.Cli"), "-c", "Release", "-r", "linux-x64", "-o", _folder, "--nologo", "-v", "quiet"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = publish.StandardOutput.ReadToEndAsync();
            var error = publish.StandardError.ReadToEndAsync();
            Assert.True(publish.WaitForExit(TimeSpan.FromMinutes(10)), "dotnet publish did not finish within 10 minutes.");
            Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{output.Result}\n{error.Result}");
        }

        private string Program => Path.Combine(_folder, "KennisSite.Cli");

        internal (int Code, string Output, string Error) Run(params string[] arguments)
        {
            using var cli = Start(arguments);
            Assert.True(cli.WaitForExit(TimeSpan.FromMinutes(2)), "the program did not finish within 2 minutes.");
            return (cli.ExitCode, cli.Output, cli.Error);
        }

        internal KennisCli Start(params string[] arguments) => KennisCli.Start(arguments, program: Program);

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
