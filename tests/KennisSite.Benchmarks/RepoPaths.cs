namespace KennisSite.Benchmarks;

/// <summary>Where the repository and the shared test data are, found from the program's folder or the current folder.</summary>
public static class RepoPaths
{
    public const string SolutionFile = "KennisSite.sln";

    /// <summary>The folder with KennisSite.sln, site.yml and templates/.</summary>
    public static string Root { get; } = Find();

    public static string SiteYml => Path.Combine(Root, "site.yml");

    public static string Templates => Path.Combine(Root, "templates");

    /// <summary>The Dutch words of the stemmer test vectors, beside the repository (README: ../shared/testdata/lunr/).</summary>
    public static string DutchWords => Path.GetFullPath(Path.Combine(Root, "..", "shared", "testdata", "lunr", "nl-stemmer-vectors.tsv"));

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)) && Directory.Exists(Path.Combine(dir.FullName, "templates")))
                    return dir.FullName;
        }
        throw new DirectoryNotFoundException($"Geen map met {SolutionFile} en templates/ gevonden boven {AppContext.BaseDirectory} of {Directory.GetCurrentDirectory()}.");
    }
}
