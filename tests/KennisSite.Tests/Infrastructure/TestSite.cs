using System.Text;

namespace KennisSite.Tests.Infrastructure;

/// <summary>
/// A small site written inline in a test, txtar style: "-- path --" lines start each file.
/// The site gets the repository's real templates unless the text brings its own.
/// </summary>
public sealed class TestSite : IDisposable
{
    public string Root { get; }

    private TestSite(string root) => Root = root;

    /// <summary>A site.yml with the eight functions on a 0-3 scale and two theme groups, for tests that are not about site.yml.</summary>
    public const string StandardConfig = """
        titel: Testkennisbank
        taal: nl
        functies:
          naam: Acht functies van buurtzorgregie
          schaal: {min: 0, max: 3, labels: [niet, beperkt, duidelijk, sterk]}
          lijst:
            - {sleutel: buurtanalyse, naam: Buurtanalyse, omschrijving: De buurt in kaart brengen.}
            - {sleutel: samenwerking, naam: Samenwerking, omschrijving: Partners verbinden.}
            - {sleutel: informeren, naam: Informeren en sensibiliseren, omschrijving: Bewoners informeren.}
            - {sleutel: sociale-netwerken, naam: Sociale netwerken, omschrijving: Netwerken versterken.}
            - {sleutel: kracht-talenten, naam: Kracht en talenten, omschrijving: Talenten benutten.}
            - {sleutel: detectie, naam: Detectie, omschrijving: Noden opsporen.}
            - {sleutel: toeleiding, naam: Toeleiding, omschrijving: Naar hulp begeleiden.}
            - {sleutel: beleidsadvies, naam: Beleidsadvies, omschrijving: Signalen doorgeven.}
        themagroepen:
          - {sleutel: domein, naam: Strategische domeinen}
          - {sleutel: onderwerp, naam: Onderwerpen}
        """;

    /// <summary>site.yml with <see cref="StandardConfig"/> and one theme, 'buren': the smallest valid site, for tests about something else.</summary>
    public const string MinimalSite = $"""
        -- site.yml --
        {StandardConfig}
        -- content/themas/buren.md --
        ---
        titel: Buren
        ---
        Over buren.
        """;

    public static string Scores(int buurtanalyse = 1, int samenwerking = 2, int informeren = 1, int socialeNetwerken = 3,
        int krachtTalenten = 2, int detectie = 1, int toeleiding = 1, int beleidsadvies = 0) => $"""
        functies:
          buurtanalyse: {buurtanalyse}
          samenwerking: {samenwerking}
          informeren: {informeren}
          sociale-netwerken: {socialeNetwerken}
          kracht-talenten: {krachtTalenten}
          detectie: {detectie}
          toeleiding: {toeleiding}
          beleidsadvies: {beleidsadvies}
        """;

    public static TestSite Create(string txtar)
    {
        var root = Path.Combine(Path.GetTempPath(), "kennissite-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        string? path = null;
        var text = new StringBuilder();
        void Flush()
        {
            if (path is null) return;
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text.ToString(), new UTF8Encoding(false));
        }
        foreach (var line in txtar.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                Flush();
                path = line[3..^3].Trim();
                text.Clear();
            }
            else if (path is not null) text.Append(line).Append('\n');
        }
        Flush();
        if (!Directory.Exists(Path.Combine(root, "templates"))) RepoPaths.CopyDirectory(RepoPaths.Templates, Path.Combine(root, "templates"));
        return new TestSite(root);
    }

    /// <summary>Copies a fixture site and the real templates into a fresh folder.</summary>
    public static TestSite FromFolder(string folder)
    {
        var root = Path.Combine(Path.GetTempPath(), "kennissite-test-" + Guid.NewGuid().ToString("N")[..12]);
        RepoPaths.CopyDirectory(folder, root);
        if (!Directory.Exists(Path.Combine(root, "templates"))) RepoPaths.CopyDirectory(RepoPaths.Templates, Path.Combine(root, "templates"));
        return new TestSite(root);
    }

    /// <summary>A copy of the repository's sample site: site.yml, content/ and templates/.</summary>
    public static TestSite FromSample()
    {
        var root = Path.Combine(Path.GetTempPath(), "kennissite-test-" + Guid.NewGuid().ToString("N")[..12]);
        KennisSite.Benchmarks.SyntheticSite.CopySample(root);
        return new TestSite(root);
    }

    public BuildResult Build(bool drafts = false, bool write = false, string? output = null) =>
        SiteBuilder.Build(new BuildOptions(Root, output, drafts, WriteOutput: write));

    public BuildResult Check() => SiteBuilder.Check(new BuildOptions(Root));

    public string FullPath(string relative) => Path.Combine(Root, relative);

    /// <summary>The site's templates, which must load without errors.</summary>
    public KennisSite.Rendering.TemplateSet Templates(bool reusePartials = true)
    {
        var diagnostics = new KennisSite.Diagnostics.DiagnosticBag();
        var templates = KennisSite.Rendering.TemplateSet.Load(Root, diagnostics, reusePartials);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToSortedList()));
        return templates;
    }

    /// <summary>A page template rendered in the layout with these variables, which must go without errors.</summary>
    public static string Render(KennisSite.Rendering.TemplateSet templates, string page, params (string Name, object Value)[] globals)
    {
        var diagnostics = new KennisSite.Diagnostics.DiagnosticBag();
        var scope = new Scriban.Runtime.ScriptObject();
        foreach (var (name, value) in globals) scope[name] = value;
        var rendered = templates.RenderPage(page, scope, "pagina.html", diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToSortedList()));
        return Encoding.UTF8.GetString(rendered!.Html);
    }

    /// <summary>Changes a file of the site as an editor would save it; the change must change something.</summary>
    public void Edit(string relative, Func<string, string> change)
    {
        var full = FullPath(relative);
        var before = File.ReadAllText(full);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(full, after);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
