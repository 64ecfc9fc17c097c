using System.Diagnostics;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Reliability;

/// <summary>No input can make the build read or publish a file from outside the site, or eat the machine's memory.</summary>
public class OutsideTheSiteTests
{
    private static TestSite Site(string extra = "", string cahierExtra = "", string body = "Tekst.") => TestSite.Create($"""
        {TestSite.MinimalSite}
        -- content/cahiers/netwerken/index.md --
        ---
        titel: Netwerken
        datum: 2018-06-28
        auteurs: [Rebecca Thys]
        samenvatting: Over netwerken.
        themas: [buren]
        {cahierExtra}
        ---

        {body}
        {extra}
        """);

    [Theory]
    [InlineData("omslag: ../../../../../../etc/passwd", "KS3005")]
    [InlineData("omslag: /etc/passwd", "KS3005")]
    [InlineData("omslag: ../../../site.yml", "KS3005")]
    public void A_cover_outside_content_is_refused(string cover, string code)
    {
        using var site = Site(cahierExtra: cover);
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Location is { Path: "content/cahiers/netwerken/index.md", Line: 7 });
    }

    [Theory]
    [InlineData("![x](../../../../etc/passwd)")]
    [InlineData("[x](../../../../../etc/passwd)")]
    [InlineData("![x](/etc/passwd)")]
    [InlineData("![x](%2e%2e/%2e%2e/%2e%2e/site.yml)")]
    [InlineData("![x](..\\..\\..\\site.yml)")]
    public void Links_and_images_outside_content_are_refused(string markdown)
    {
        using var site = Site(body: markdown);
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code is "KS3005" or "KS3003" && d.Location is { Path: "content/cahiers/netwerken/index.md", Line: 10 });
        Assert.DoesNotContain(result.Files, f => f.Path.Contains("passwd") || f.Path.EndsWith("site.yml"));
    }

    [Fact]
    public void Symbolic_links_that_leave_content_are_refused_and_nothing_behind_them_is_published()
    {
        using var site = Site(body: "![kaart](kaart.png)");
        var secret = Path.Combine(site.Root, "geheim.txt");
        File.WriteAllText(secret, "wachtwoord");
        File.CreateSymbolicLink(site.FullPath("content/cahiers/netwerken/kaart.png"), secret);
        File.CreateSymbolicLink(site.FullPath("content/cahiers/netwerken/passwd.txt"), "/etc/passwd");
        Directory.CreateSymbolicLink(site.FullPath("content/praktijkvoorbeelden"), "/etc");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "KS3005" && d.Location?.Path == "content/cahiers/netwerken/kaart.png");
        Assert.Contains(result.Diagnostics, d => d.Code == "KS3005" && d.Location?.Path == "content/cahiers/netwerken/passwd.txt");
        Assert.Contains(result.Diagnostics, d => d.Code == "KS3005" && d.Location?.Path == "content/praktijkvoorbeelden");
        Assert.DoesNotContain(result.Files, f => System.Text.Encoding.UTF8.GetString(f.Content).Contains("wachtwoord"));
    }

    [Fact]
    public void A_symbolic_link_inside_content_is_followed()
    {
        using var site = Site(body: "![kaart](kaart.png)");
        File.WriteAllBytes(site.FullPath("content/cahiers/netwerken/echt.png"), [1, 2, 3]);
        File.CreateSymbolicLink(site.FullPath("content/cahiers/netwerken/kaart.png"), site.FullPath("content/cahiers/netwerken/echt.png"));
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal([1, 2, 3], result.File("cahiers/netwerken/kaart.png")!.Content);
    }

    [Fact]
    public void A_billion_laughs_card_is_rejected_quickly()
    {
        var laughs = string.Join("\n", Enumerable.Range(1, 9).Select(i => $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]"));
        using var site = TestSite.Create($"""
            {TestSite.MinimalSite}
            -- content/praktijkvoorbeelden/lachen.yml --
            l0: &l0 "ha"
            {laughs}
            titel: *l9
            """);
        var clock = Stopwatch.StartNew();
        var result = site.Build();
        clock.Stop();
        Assert.Contains(result.Diagnostics, d => d.Code == "KS1005" && d.Location is { Path: "content/praktijkvoorbeelden/lachen.yml", Line: 1 });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
