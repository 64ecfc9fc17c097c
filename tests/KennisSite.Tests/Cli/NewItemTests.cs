using KennisSite.Cli;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Cli;

/// <summary>`kennissite nieuw`: a file to fill in that is valid from the start, and never one that replaces an editor's work.</summary>
public class NewItemTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (CommandLine.Run(args, output, error), output.ToString(), error.ToString());
    }

    [Fact]
    public void A_new_card_has_every_function_of_site_yml_and_the_site_still_builds()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "basic"));
        var (code, output, error) = Run("nieuw", "voorbeeld", "buurtpensioen", "--site", site.Root);
        Assert.True(code == CommandLine.Success, error);
        Assert.Contains("content/praktijkvoorbeelden/buurtpensioen.yml", output);
        var text = File.ReadAllText(site.FullPath("content/praktijkvoorbeelden/buurtpensioen.yml"));
        foreach (var key in new[] { "buurtanalyse", "samenwerking", "informeren", "sociale-netwerken", "kracht-talenten", "detectie", "toeleiding", "beleidsadvies" })
            Assert.Contains($"\n  {key}: 0\n", text);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.File("praktijkvoorbeelden/buurtpensioen/index.html"));
    }

    [Fact]
    public void A_new_cahier_is_a_valid_draft_with_a_first_chapter()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "basic"));
        Assert.Equal(CommandLine.Success, Run("nieuw", "cahier", "mantelzorg-in-brussel", "--site", site.Root).Code);
        Assert.Contains("## Inleiding", File.ReadAllText(site.FullPath("content/cahiers/mantelzorg-in-brussel/index.md")));
        Assert.Null(site.Build().File("cahiers/mantelzorg-in-brussel/index.html"));
        var withDrafts = site.Build(drafts: true);
        Assert.True(withDrafts.Succeeded, string.Join("\n", withDrafts.Diagnostics));
        Assert.Contains("id=\"inleiding\"", withDrafts.Text("cahiers/mantelzorg-in-brussel/index.html"));
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "basic"));
        var path = site.FullPath("content/praktijkvoorbeelden/zorgzame-straten.yml");
        var before = File.ReadAllText(path);
        var (code, _, error) = Run("nieuw", "voorbeeld", "zorgzame-straten", "--site", site.Root);
        Assert.Equal(CommandLine.ContentErrors, code);
        Assert.Contains("content/praktijkvoorbeelden/zorgzame-straten.yml: error KS2010:", error);
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Equal(CommandLine.ContentErrors, Run("nieuw", "cahier", "buurtzorg", "--site", site.Root).Code);
    }

    [Theory]
    [InlineData("Zorgzame Wijk", CommandLine.ContentErrors)]
    [InlineData("../buiten", CommandLine.ContentErrors)]
    public void A_name_that_is_not_a_slug_is_refused_with_a_suggestion(string name, int expected)
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "basic"));
        var (code, _, error) = Run("nieuw", "voorbeeld", name, "--site", site.Root);
        Assert.Equal(expected, code);
        Assert.Contains("KS2009", error);
        Assert.False(File.Exists(Path.Combine(site.Root, "content", "buiten.yml")));
    }

    [Theory]
    [InlineData("nieuw")]
    [InlineData("nieuw", "pagina", "over")]
    [InlineData("nieuw", "voorbeeld")]
    public void Wrong_use_of_nieuw_exits_with_2(params string[] args) => Assert.Equal(CommandLine.UsageError, Run(args).Code);
}
