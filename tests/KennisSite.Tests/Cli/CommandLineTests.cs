using KennisSite.Cli;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Cli;

public class CommandLineTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Six_problems_are_reported_in_one_run_with_exit_code_1_and_the_previous_output_is_untouched()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "invalid", "zes-fouten-tegelijk"));
        var previous = site.FullPath("_site");
        Directory.CreateDirectory(previous);
        File.WriteAllText(Path.Combine(previous, "index.html"), "vorige versie");

        var (code, output, error) = Run("build", "--site", site.Root);

        Assert.Equal(CommandLine.ContentErrors, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Contains("content/praktijkvoorbeelden/score-vijf.yml(13,15): error KS2007:", error);
        Assert.Contains("content/praktijkvoorbeelden/onbekende-sleutel.yml(6,1): error KS2003:", error);
        Assert.Contains("content/praktijkvoorbeelden/functie-ontbreekt.yml(6,1): error KS2006:", error);
        Assert.Contains("content/praktijkvoorbeelden/onbekend-thema.yml(5,30): error KS2004:", error);
        Assert.Contains("content/praktijkvoorbeelden/yaml-fout.yml(6,7): error KS1002:", error);
        Assert.Contains("content/cahiers/buurtgerichte-zorg.md(13,29): error KS3001:", error);
        Assert.Contains("Niet gebouwd: 6 fouten", output);
        Assert.Equal(["index.html"], Directory.GetFiles(previous).Select(Path.GetFileName));
        Assert.Equal("vorige versie", File.ReadAllText(Path.Combine(previous, "index.html")));
    }

    [Fact]
    public void Json_gives_every_diagnostic_with_its_position_for_tools()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "invalid", "zes-fouten-tegelijk"));
        var (code, output, error) = Run("check", "--site", site.Root, "--json");
        Assert.Equal(CommandLine.ContentErrors, code);
        Assert.Equal("", error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("geslaagd").GetBoolean());
        Assert.Equal(6, root.GetProperty("fouten").GetInt32());
        var score = root.GetProperty("meldingen").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "KS2007");
        Assert.Equal("content/praktijkvoorbeelden/score-vijf.yml", score.GetProperty("bestand").GetString());
        Assert.Equal(13, score.GetProperty("regel").GetInt32());
        Assert.Equal(15, score.GetProperty("kolom").GetInt32());
        Assert.Contains("'toeleiding'", score.GetProperty("bericht").GetString());
    }

    [Fact]
    public void Colour_marks_errors_only_when_asked_for()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "invalid", "onbekend-thema"));
        var plain = new StringWriter();
        CommandLine.Run(["check", "--site", site.Root], new StringWriter(), plain);
        Assert.DoesNotContain("\u001b[", plain.ToString());
        var coloured = new StringWriter();
        CommandLine.Run(["check", "--site", site.Root], new StringWriter(), coloured, colour: true);
        Assert.Contains("\u001b[1;31merror KS2004\u001b[0m:", coloured.ToString());
    }

    [Fact]
    public void Check_validates_without_writing_anything()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "basic"));
        var (code, output, _) = Run("check", "--site", site.Root);
        Assert.Equal(CommandLine.Success, code);
        Assert.StartsWith("Gecontroleerd: 0 fouten", output);
        Assert.False(Directory.Exists(site.FullPath("_site")));
    }

    [Fact]
    public void Build_writes_the_site_to_the_folder_given_with_uitvoer_and_summarises()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "basic"));
        var target = site.FullPath("elders");
        var (code, output, error) = Run("build", "--site", site.Root, "--uitvoer", target);
        Assert.True(code == CommandLine.Success, error);
        Assert.True(File.Exists(Path.Combine(target, "index.html")));
        Assert.Matches(@"^Klaar: \d+ pagina's en \d+ bestanden geschreven naar .*elders; 0 fouten, 0 waarschuwingen, \d+\.\d\d s\.", output);
    }

    [Theory]
    [InlineData]
    [InlineData("publiceer")]
    [InlineData("build", "--onbekend")]
    [InlineData("build", "--site")]
    [InlineData("check", "--uitvoer", "x")]
    public void Wrong_usage_exits_with_2_and_shows_how_to_use_it(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(CommandLine.UsageError, code);
        Assert.Contains("kennissite build", error);
    }

    [Fact]
    public void A_missing_site_yml_is_a_content_error_not_a_crash()
    {
        var empty = Directory.CreateTempSubdirectory("kennissite-leeg-");
        var (code, _, error) = Run("build", "--site", empty.FullName);
        Assert.Equal(CommandLine.ContentErrors, code);
        Assert.Contains("error KS1004:", error);
        empty.Delete(true);
    }

    [Fact]
    public void Strict_turns_warnings_into_errors()
    {
        using var site = TestSite.FromFolder(Path.Combine(RepoPaths.Fixtures, "basic"));
        File.WriteAllText(site.FullPath("content/praktijkvoorbeelden/notities.txt"), "los bestand");
        Assert.Equal(CommandLine.Success, Run("check", "--site", site.Root).Code);
        var (code, _, error) = Run("build", "--site", site.Root, "--strict");
        Assert.Equal(CommandLine.ContentErrors, code);
        Assert.Contains("content/praktijkvoorbeelden/notities.txt: error KS1006:", error);
    }
}
