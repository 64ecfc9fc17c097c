using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Golden;

/// <summary>
/// Builds Fixtures/basic with the real templates and compares every output file with Fixtures/basic.expected.
/// After an intended change: KENNIS_UPDATE_GOLDEN=1 dotnet test, then review the diff.
/// </summary>
public class GoldenSiteTests
{
    [Fact]
    public void Basic_fixture_site_matches_the_committed_output()
    {
        // The home and search pages show the size of the offline zip, which libdeflate makes a few percent smaller than zlib.
        Assert.True(Output.LibDeflate.IsAvailable, "libdeflate ontbreekt op dit systeem: apt-get install libdeflate0 (tests/run.sh doet dat zelf).");
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "basic"));
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var expectedRoot = Path.Combine(RepoPaths.Fixtures, "basic.expected");

        // Assets are copied unchanged from templates/assets (and lunr from npm); comparing them with their source keeps a second copy out of the repository.
        foreach (var asset in result.Files.Where(f => f.Path.StartsWith("assets/", StringComparison.Ordinal) && !f.Path.StartsWith("assets/lunr/", StringComparison.Ordinal)))
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Templates, asset.Path)), asset.Content);
        var generated = result.Files.Where(f => !f.Path.StartsWith("assets/", StringComparison.Ordinal) && !f.Path.EndsWith(".zip", StringComparison.Ordinal)).ToList();

        if (GoldenFiles.Updating)
        {
            if (Directory.Exists(expectedRoot)) Directory.Delete(expectedRoot, recursive: true);
            foreach (var file in generated)
            {
                var path = Path.Combine(expectedRoot, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }
            return;
        }

        var expectedFiles = Directory.EnumerateFiles(expectedRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(expectedRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles, generated.Select(f => f.Path).Order(StringComparer.Ordinal).ToList());
        foreach (var file in generated)
        {
            var expected = File.ReadAllBytes(Path.Combine(expectedRoot, file.Path));
            if (expected.SequenceEqual(file.Content)) continue;
            Assert.Fail($"{file.Path} differs from Fixtures/basic.expected/{file.Path}. If the change is intended, run KENNIS_UPDATE_GOLDEN=1 dotnet test and review the diff.\n" +
                FirstDifference(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(file.Content)));
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<einde>";
            var right = i < a.Length ? a[i] : "<einde>";
            if (left != right) return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
        }
        return "";
    }
}
