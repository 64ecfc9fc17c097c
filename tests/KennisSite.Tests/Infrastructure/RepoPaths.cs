namespace KennisSite.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The folder with KennisSite.sln, found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    public static string Fixtures => Path.Combine(Root, "tests", "KennisSite.Tests", "Fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KennisSite.sln"))) return dir.FullName;
        throw new InvalidOperationException("KennisSite.sln not found above " + AppContext.BaseDirectory);
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
