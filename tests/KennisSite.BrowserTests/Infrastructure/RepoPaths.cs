namespace KennisSite.BrowserTests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The folder with KennisSite.sln, found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string AxeScript => Path.Combine(Root, "node_modules", "axe-core", "axe.min.js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KennisSite.sln"))) return dir.FullName;
        throw new InvalidOperationException("KennisSite.sln not found above " + AppContext.BaseDirectory);
    }
}
