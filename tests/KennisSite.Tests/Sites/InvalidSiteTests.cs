using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Sites;

/// <summary>One broken site per class of error under Fixtures/invalid/, each with the exact diagnostics it must produce.</summary>
public class InvalidSiteTests
{
    public static TheoryData<string> Cases() =>
        new(Directory.EnumerateDirectories(Path.Combine(RepoPaths.Fixtures, "invalid")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_site_reports_exactly_the_expected_diagnostics(string name)
    {
        var folder = Path.Combine(RepoPaths.Fixtures, "invalid", name);
        using var site = TestSite.FromFolder(folder);
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Empty(result.Files);
        GoldenFiles.AssertText(Path.Combine(folder, "expected-diagnostics.txt"), string.Join("\n", result.Diagnostics) + "\n");
    }
}
