using KennisSite.BrowserTests.Infrastructure;

namespace KennisSite.BrowserTests;

/// <summary>Scenario 5, automated part: axe-core's WCAG 2.0/2.1 A and AA rules on every page kind.</summary>
[Collection(BrowserCollection.Pages)]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(SiteFixture site)
{
    public static IEnumerable<object[]> Pages => PageKinds.InBothModes();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_kind_has_no_WCAG_A_or_AA_violations(string mode, string kind)
    {
        await using var s = await site.OpenAsync(mode);
        await PageKinds.OpenAsync(s, kind);
        var violations = await Axe.RunAsync(s.Page, fromDisk: mode == "file");
        Assert.True(violations.Count == 0, $"axe-core finds {violations.Count} WCAG A/AA rule(s) broken on {kind} ({s.Relative(s.Page.Url)}, {mode}):{Axe.Describe(violations)}");
        s.AssertNoProblems();
    }
}
