namespace KennisSite.Tests.Infrastructure;

/// <summary>Expected files committed next to the tests; KENNIS_UPDATE_GOLDEN=1 rewrites them from the actual output for review in the diff.</summary>
public static class GoldenFiles
{
    public static bool Updating => Environment.GetEnvironmentVariable("KENNIS_UPDATE_GOLDEN") == "1";

    public static void AssertText(string expectedFile, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            File.WriteAllText(expectedFile, actual);
            return;
        }
        Assert.True(File.Exists(expectedFile), $"{expectedFile} is missing; run the tests once with KENNIS_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(expectedFile).Replace("\r\n", "\n"), actual);
    }
}
