using System.Text;
using KennisSite.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KennisSite.Tests.Reliability;

/// <summary>
/// "Nothing lost": a build killed at any moment (SIGKILL: power cut, OOM killer, CI timeout) leaves the previous
/// output folder complete and unchanged, or, if the kill came after the swap, the complete new site; never a mix,
/// never no folder. The next build cleans up and gives what an uninterrupted build gives. content/ and templates/
/// are never written to.
/// </summary>
[Collection(SerialReliabilityCollection.Name)]
public sealed class InterruptedBuildTests(ITestOutputHelper log) : IDisposable
{
    /// <summary>Enough cards on top of the sample site for a CLI build of one to two seconds, long enough to kill it midway.</summary>
    private const int GeneratedCards = 80;

    /// <summary>Fixed, so a failure can be replayed with the same content and the same kill delays.</summary>
    private const int Seed = 20_260_404;

    private readonly string _work = Directory.CreateTempSubdirectory("kennissite-kill-").FullName;

    [Fact]
    public void A_build_killed_at_any_moment_leaves_the_previous_site_or_the_complete_new_one_and_the_next_build_repairs_everything()
    {
        var site = CreateSlowSite();
        var output = Path.Combine(site, "_site");

        // The site a reader has now, then an editor's changes: one card added, one changed, one removed.
        var sources = SourceSnapshot.Take(site);
        var first = Run(site, output);
        sources.AssertUnchanged(site, "After the first build");
        var previous = FolderSnapshot.Take(output);
        ChangeContent(site);
        sources = SourceSnapshot.Take(site);

        // What the changed site looks like when nothing goes wrong, built into a fresh folder. How long that takes, and
        // how long its last phase (writing and swapping) takes, place the kills.
        var fresh = Path.Combine(_work, "fresh");
        var uninterrupted = Run(site, fresh, "--uitvoer", fresh);
        var complete = FolderSnapshot.Take(fresh);
        Assert.Contains("index.html", previous.Files.Keys);
        Assert.Contains("index.html", complete.Files.Keys);
        Assert.False(previous.SameAs(complete), "The content change should change the output, or this test cannot tell old from new.");
        var buildTime = first.Elapsed < uninterrupted.Elapsed ? first.Elapsed : uninterrupted.Elapsed;
        var writeTime = uninterrupted.Elapsed - uninterrupted.StartedWriting!.Value;

        var outcomes = new List<(string Kill, Landing Landing)>();
        foreach (var moment in KillMoments(buildTime, writeTime))
        {
            var run = Run(site, output, kill: moment);
            var after = FolderSnapshot.Take(output);
            Landing landing;
            if (previous.SameAs(after)) landing = Landing.PreviousSiteIntact;
            else if (complete.SameAs(after)) landing = run.Killed ? Landing.KilledAfterTheSwap : Landing.FinishedBeforeTheKill;
            else
            {
                Assert.Fail($"{run.Description}: {output} is neither the previous site nor the complete new one.\n" +
                            $"Compared with the previous site: {previous.FirstDifference(after)}\n" +
                            $"Compared with the new site: {complete.FirstDifference(after)}");
                return;
            }
            sources.AssertUnchanged(site, run.Description);
            AssertNothingButLeftoverStagingFolders(site, run.Description);
            outcomes.Add((run.Description, landing));

            // Every kill starts from the site the reader had, so each one could show a mix of old and new.
            if (landing != Landing.PreviousSiteIntact) previous.WriteTo(output);
        }

        // Leftover staging folders are allowed after a kill; the next successful build removes them.
        var leftovers = StagingFolders(site);
        Run(site, output);
        complete.AssertSameAs(FolderSnapshot.Take(output), "The first build after the kills differs from an uninterrupted build into a fresh folder");
        Assert.True(StagingFolders(site).Count == 0, $"The first successful build after the kills left {string.Join(", ", StagingFolders(site))} in the site folder.");
        AssertNothingButLeftoverStagingFolders(site, "After the final build");
        sources.AssertUnchanged(site, "After the final build");

        log.WriteLine($"{complete.Files.Count} files; a build takes {buildTime.TotalMilliseconds:0} ms, the last {writeTime.TotalMilliseconds:0} ms of it writing and swapping.");
        foreach (var (kill, landing) in outcomes) log.WriteLine($"{kill} → {landing}");
        log.WriteLine($"{outcomes.Count(o => o.Landing == Landing.PreviousSiteIntact)} kills before the swap, " +
                      $"{outcomes.Count(o => o.Landing == Landing.KilledAfterTheSwap)} after it, " +
                      $"{outcomes.Count(o => o.Landing == Landing.FinishedBeforeTheKill)} builds finished before their kill; " +
                      $"{leftovers.Count} staging folders left behind, all removed by the next build.");
    }

    private enum Landing { PreviousSiteIntact, KilledAfterTheSwap, FinishedBeforeTheKill }

    /// <summary>A kill after a delay from the start, or after a delay from the moment the build first changes anything on disk.</summary>
    private sealed record KillMoment(string Name, TimeSpan? Delay = null, TimeSpan? IntoWriting = null);

    /// <summary>
    /// Eight moments spread over a build (the very start, six seeded random ones, the very end), and three aimed at the
    /// short, riskiest phase at its end, when the site is written and swapped in. Those wait for the first change around
    /// the output folder, whatever the writer does, so they would also catch a writer without a staging folder.
    /// </summary>
    private static IEnumerable<KillMoment> KillMoments(TimeSpan buildTime, TimeSpan writeTime)
    {
        var random = new Random(Seed);
        yield return new KillMoment("very early", Delay: TimeSpan.FromMilliseconds(5));
        foreach (var fraction in Enumerable.Range(0, 6).Select(_ => 0.1 + 0.85 * random.NextDouble()).Order())
            yield return new KillMoment($"at {fraction:P0} of a build", Delay: buildTime * fraction);
        yield return new KillMoment("very late", Delay: buildTime * 0.99);
        foreach (var fraction in new[] { 0.0, 0.15, 0.5 })
            yield return new KillMoment($"{fraction:P0} into writing", IntoWriting: writeTime * fraction);
    }

    private sealed record RunResult(string Description, bool Killed, TimeSpan Elapsed, TimeSpan? StartedWriting);

    /// <summary>
    /// Runs `kennissite build --site site` and, with a <paramref name="kill"/>, kills it at that moment. Notes when it
    /// first changed anything around <paramref name="output"/>. A build that ends by itself must succeed.
    /// </summary>
    private static RunResult Run(string site, string output, params string[] options) => Run(site, output, null, options);

    private static RunResult Run(string site, string output, KillMoment? kill, params string[] options)
    {
        var before = DiskState.Of(output);
        using var cli = KennisCli.Start(["build", "--site", site, .. options]);
        TimeSpan? startedWriting = null;
        while (!cli.HasExited && cli.Elapsed < TimeSpan.FromSeconds(60))
        {
            var now = cli.Elapsed;
            if (startedWriting is null && DiskState.Of(output) != before) startedWriting = now;
            if (kill?.Delay is { } delay && now >= delay) break;
            if (kill?.IntoWriting is { } into && now >= startedWriting + into) break;
            Thread.Sleep(1);
        }
        var elapsed = cli.Elapsed;
        if (!cli.HasExited && kill is not null)
        {
            cli.Kill();
            return new RunResult($"Build killed {kill.Name} ({elapsed.TotalMilliseconds:0} ms)", true, elapsed, startedWriting);
        }
        Assert.True(cli.WaitForExit(TimeSpan.FromSeconds(1)), "kennissite build did not finish within 60 s.");
        Assert.True(cli.ExitCode == 0, $"kennissite build exited with {cli.ExitCode}:\n{cli.Output}\n{cli.Error}");
        var name = kill is null ? "Build" : $"Build to be killed {kill.Name}";
        return new RunResult($"{name} finished by itself after {elapsed.TotalMilliseconds:0} ms", false, elapsed, startedWriting ?? elapsed);
    }

    /// <summary>
    /// Cheap signs that a build has started writing: an entry created, renamed or deleted next to the output folder or
    /// in it (folder modification times), or its index.html rewritten in place.
    /// </summary>
    private sealed record DiskState(DateTime Parent, DateTime Folder, DateTime IndexPage)
    {
        public static DiskState Of(string output) => new(
            Directory.GetLastWriteTimeUtc(Path.GetDirectoryName(output)!),
            Directory.GetLastWriteTimeUtc(output),
            File.GetLastWriteTimeUtc(Path.Combine(output, "index.html")));
    }

    private static void AssertNothingButLeftoverStagingFolders(string site, string kill)
    {
        var unexpected = TopLevelEntries(site).Except(["_site", Reserve, "content", "site.yml", "templates"]).Where(e => !e.StartsWith("._site.nieuw-", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, $"{kill}: unexpected entries in the site folder: {string.Join(", ", unexpected)}");
    }

    /// <summary>The site a build swapped out, kept for the next build to write over (SiteWriter): it may be there at any time.</summary>
    private const string Reserve = "._site.reserve";

    private static List<string> StagingFolders(string site) =>
        TopLevelEntries(site).Where(e => e.StartsWith("._site.", StringComparison.Ordinal) && e != Reserve).ToList();

    private static List<string> TopLevelEntries(string site) =>
        Directory.EnumerateFileSystemEntries(site).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>The repository's sample site plus <see cref="GeneratedCards"/> cards shaped like zorgzame-straten.yml.</summary>
    private string CreateSlowSite()
    {
        var site = Path.Combine(_work, "site");
        Directory.CreateDirectory(site);
        File.Copy(Path.Combine(RepoPaths.Root, "site.yml"), Path.Combine(site, "site.yml"));
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Root, "content"), Path.Combine(site, "content"));
        RepoPaths.CopyDirectory(RepoPaths.Templates, Path.Combine(site, "templates"));

        var random = new Random(Seed);
        var themes = Slugs(site, "themas");
        var cahiers = Slugs(site, "cahiers");
        for (var number = 1; number <= GeneratedCards; number++)
            WriteCard(site, $"buurtproject-{number:000}", Card(number, random, themes, cahiers));
        return site;
    }

    private static void ChangeContent(string site)
    {
        var cards = Path.Combine(site, "content", "praktijkvoorbeelden");
        var changed = Path.Combine(cards, "buurtproject-001.yml");
        File.WriteAllText(changed, File.ReadAllText(changed).Replace("titel: Buurtproject 001", "titel: Buurtproject 001 (bijgewerkt)"));
        File.Delete(Path.Combine(cards, "buurtproject-002.yml"));
        WriteCard(site, "nieuw-buurtproject", Card(GeneratedCards + 1, new Random(Seed + 1), Slugs(site, "themas"), Slugs(site, "cahiers")));
    }

    private static void WriteCard(string site, string slug, string yaml) =>
        File.WriteAllText(Path.Combine(site, "content", "praktijkvoorbeelden", slug + ".yml"), yaml.Replace("\r\n", "\n"), new UTF8Encoding(false));

    private static List<string> Slugs(string site, string kind) =>
        Directory.EnumerateFileSystemEntries(Path.Combine(site, "content", kind))
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    private static readonly string[] Places = ["Anderlecht", "Brussel", "Elsene", "Etterbeek", "Jette", "Molenbeek", "Schaarbeek", "Vorst"];

    private static string Card(int number, Random random, List<string> themes, List<string> cahiers)
    {
        var place = Places[number % Places.Length];
        var firstTheme = themes[number % themes.Count];
        var secondTheme = themes[(number * 7 + 3) % themes.Count];
        var themeList = firstTheme == secondTheme ? firstTheme : $"{firstTheme}, {secondTheme}";
        var cahier = number % 10 == 0 ? $"cahier: {cahiers[number / 10 % cahiers.Count]}\n" : "";
        int Score() => random.Next(0, 4);
        return $"""
            titel: Buurtproject {number:000}
            plaats: {place}
            organisatie: Buurtwerking {place} (vzw)
            wat: >-
              Buurtproject {number:000} moedigt bewoners van {place} aan om elkaar te helpen met kleine dingen:
              een boodschap meebrengen, de vuilnisbak buitenzetten of samen koffie drinken. Het initiatief
              ligt bij de bewoners zelf; de buurtwerking geeft een kader en ondersteuning.
            waar: {1 + number % 30} straten in {place}
            wie: >-
              Een samenwerking van bewoners, een lokaal dienstencentrum en vrijwilligers.
            doelgroepen: [buurtbewoners, ouderen, alleenwonenden]
            gestart: {2010 + number % 15}
            aanpak:
              - titel: Luisteren naar bewoners
                stappen:
                  - Huisbezoeken en gesprekken op straat brengen de noden en talenten in kaart.
                  - Bewoners kiezen zelf waar ze willen beginnen.
              - titel: Het idee verspreiden
                stappen:
                  - Een folder, een buurtfeest en vooral mond-tot-mondreclame maken het project bekend.
            leerpunten:
              - Start klein en wees geduldig.
              - Veiligheid en vertrouwen zijn de basis van alles.
            acties:
              - titel: Contact met buren
                citaat: >-
                  Wie met de folder overal aanbelt, ontdekt pas echt wie er in de straat woont.
            contact:
              personen: [Els Peeters]
              email: buurtproject{number:000}@example.org
            steun: [Koning Boudewijnstichting]
            functies:
              buurtanalyse: {Score()}
              samenwerking: {Score()}
              informeren: {Score()}
              sociale-netwerken: {Score()}
              kracht-talenten: {Score()}
              detectie: {Score()}
              toeleiding: {Score()}
              beleidsadvies: {Score()}
            beoordeling:
              door: Kenniscentrum WWZ
              datum: '{2015 + number % 10}-{1 + number % 12:00}'
              toelichting: >-
                Gegenereerd voor de test van onderbroken builds.
            themas: [{themeList}]

            """ + cahier;
    }

    /// <summary>content/, templates/ and site.yml byte for byte: what editors own and the generator must never write.</summary>
    private sealed record SourceSnapshot(FolderSnapshot Content, FolderSnapshot Templates, byte[] SiteYml)
    {
        public static SourceSnapshot Take(string site) => new(
            FolderSnapshot.Take(Path.Combine(site, "content")),
            FolderSnapshot.Take(Path.Combine(site, "templates")),
            File.ReadAllBytes(Path.Combine(site, "site.yml")));

        public void AssertUnchanged(string site, string when)
        {
            Content.AssertSameAs(FolderSnapshot.Take(Path.Combine(site, "content")), $"{when}: content/ changed");
            Templates.AssertSameAs(FolderSnapshot.Take(Path.Combine(site, "templates")), $"{when}: templates/ changed");
            Assert.True(SiteYml.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site, "site.yml"))), $"{when}: site.yml changed");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
