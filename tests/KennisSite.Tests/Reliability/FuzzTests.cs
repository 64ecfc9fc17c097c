using System.Diagnostics;
using System.Text;
using KennisSite.Diagnostics;
using KennisSite.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KennisSite.Tests.Reliability;

/// <summary>
/// Seeded mutations of valid cards, front matter, site.yml and Markdown, as forms, e-mails and word processors
/// produce them. Whatever the input, the build returns diagnostics instead of throwing, every error names a file,
/// and a line where the file has lines. KENNIS_FUZZ_CASES sets the number of cases (default 3000), KENNIS_FUZZ_SEED the seed.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const string Card = "content/praktijkvoorbeelden/zorgzame-straten.yml";
    private const string Cahier = "content/cahiers/netwerken.md";
    private const string Theme = "content/themas/buren.md";
    private const string Config = "site.yml";

    /// <summary>Errors about a file as a whole (its name, its kind of content) rather than a place in it.</summary>
    private static readonly HashSet<string> FileLevelCodes =
        [DiagnosticCodes.InvalidSlug, DiagnosticCodes.DuplicateSlug, DiagnosticCodes.FileUnreadable, DiagnosticCodes.UnexpectedFile,
         DiagnosticCodes.ReservedSlug, DiagnosticCodes.MarkdownTooDeep, DiagnosticCodes.SiteConfigMissing];

    private static readonly Dictionary<string, string> BaseSite = new()
    {
        [Config] = """
            titel: Fuzzkennisbank
            taal: nl
            functies:
              naam: Twee functies
              schaal: {min: 0, max: 3, labels: [niet, beperkt, duidelijk, sterk]}
              lijst:
                - {sleutel: detectie, naam: Detectie, omschrijving: Noden opsporen.}
                - {sleutel: toeleiding, naam: Toeleiding, omschrijving: Naar hulp begeleiden.}
            themagroepen:
              - {sleutel: onderwerp, naam: Onderwerpen}
            """,
        [Theme] = """
            ---
            titel: Buren
            groep: onderwerp
            ---
            Over **burenhulp** en [netwerken](../cahiers/netwerken.md#buren-en-vrienden).
            """,
        [Cahier] = """
            ---
            titel: Zorgkracht in netwerken
            nummer: 5
            datum: 2018-06-28
            auteurs: [Rebecca Thys, Stefaan Vermeulen]
            samenvatting: Steun van familie en buren.
            themas: [buren]
            functies: [detectie]
            ---

            ## Buren en vrienden

            Vrienden en buren helpen[^1], zie [de straten](../praktijkvoorbeelden/zorgzame-straten.yml#leerpunten).

            > Hulp vragen is moeilijk.
            > -- een deelnemer

            | Netwerk | Aandeel |
            | --- | --- |
            | Klein | 41% |

            [^1]: Vooral bij kleine klussen.
            """,
        [Card] = """
            titel: Zorgzame Straten
            plaats: Antwerpen
            organisatie: Burgerinitiatief
            wat: Bewoners zorgen voor elkaar in hun straat.
            doelgroepen: [ouderen, buren]
            gestart: 2017
            aanpak:
              - titel: Gesprekken
                stappen: [Aanbellen, Luisteren]
            leerpunten:
              - Start klein.
            contact:
              website: https://example.org/
            functies:
              detectie: 1
              toeleiding: 2
            themas: [buren]
            cahier: netwerken
            """,
    };

    private delegate byte[] Mutation(byte[] input, Random random);

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("truncate", (b, r) => b[..r.Next(b.Length + 1)]),
        ("random bytes", (b, r) => Insert(b, r.Next(b.Length + 1), Enumerable.Range(0, r.Next(1, 12)).Select(_ => (byte)r.Next(256)).ToArray())),
        ("invalid UTF-8", (b, r) => Insert(b, r.Next(b.Length + 1), [0xC3, 0x28, 0xFF, 0xFE])),
        ("wrong type", (b, r) => ReplaceValue(b, r, ["[a, b]", "{x: 1}", "12345", "''", "~", "\n  - lijst", "true", "2018-13-45", "-1", "99999999999999999999"])),
        ("duplicate line", (b, r) => MapLines(b, r, (lines, i) => lines.Insert(i, lines[i]))),
        ("tab", (b, r) => MapLines(b, r, (lines, i) => lines[i] = "\t" + lines[i])),
        ("delete line", (b, r) => MapLines(b, r, (lines, i) => lines.RemoveAt(i))),
        ("swap lines", (b, r) => MapLines(b, r, (lines, i) => { var j = r.Next(lines.Count); (lines[i], lines[j]) = (lines[j], lines[i]); })),
        ("deep nesting", (b, r) => MapLines(b, r, (lines, i) => lines.Insert(i, new string(r.Next(2) == 0 ? '[' : '>', r.Next(50, 3000))))),
        ("deep indentation", (b, r) => MapLines(b, r, (lines, i) => lines.Insert(i, new string(' ', r.Next(100, 5000)) + "- x"))),
        ("yaml specials", (b, r) => MapLines(b, r, (lines, i) => lines.Insert(i, Pick(r, "&a x", "*a", "!!binary aGk=", "%YAML 1.1", "---", "...", "? [a]", "<<: *a", "'", "\"", "{", "}", "titel: :", "- - -", "functies: &f {detectie: 1}")))),
        ("hostile text", (b, r) => MapLines(b, r, (lines, i) => lines[i] += Pick(r, " <script>alert(1)</script>", " \" onmouseover=\"x", " [x](javascript:alert(1))", " ![x](data:image/png;base64,AA)", " <javascript:alert(1)>", " [x](../../../../etc/passwd)", " [x](/etc/passwd)", " [^9]", " \u202E\u0000\uFFFE😀"))),
        ("repeat line", (b, r) => MapLines(b, r, (lines, i) => lines.InsertRange(i, Enumerable.Repeat(lines[i], r.Next(10, 1000))))),
        ("empty", (_, _) => []),
        ("bom", (b, _) => [0xEF, 0xBB, 0xBF, .. b]),
        ("crlf", (b, _) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\n", "\r\n"))),
    ];

    [Fact]
    public void Mutated_sites_never_crash_the_build_and_every_error_is_located()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("KENNIS_FUZZ_CASES"), out var n) ? n : 3000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("KENNIS_FUZZ_SEED"), out var s) ? s : 20261123;
        var files = BaseSite.Keys.Order(StringComparer.Ordinal).ToArray();
        var clock = Stopwatch.StartNew();
        var problems = new List<string>();
        var rejected = 0;

        using var site = TestSite.Create(string.Concat(BaseSite.Select(kv => $"-- {kv.Key} --\n{kv.Value}\n")));
        Assert.True(site.Build().Succeeded, "the unmutated site must build");
        for (var i = 0; i < cases; i++)
        {
            var random = new Random(seed + i);
            var file = files[random.Next(files.Length)];
            var original = File.ReadAllBytes(site.FullPath(file));
            var mutated = original;
            var applied = new List<string>();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var (name, apply) = Mutations[random.Next(Mutations.Length)];
                mutated = apply(mutated, random);
                applied.Add(name);
            }
            File.WriteAllBytes(site.FullPath(file), mutated);
            var description = $"case {i} (seed {seed + i}): {string.Join(" + ", applied)} on {file}";
            try
            {
                var result = site.Build();
                if (!result.Succeeded)
                {
                    rejected++;
                    foreach (var error in result.Diagnostics.Where(d => d.Severity == Severity.Error))
                    {
                        if (string.IsNullOrEmpty(error.Location?.Path)) problems.Add($"{description}: error without a file: {error}");
                        else if (error.Location.Line == 0 && !FileLevelCodes.Contains(error.Code)) problems.Add($"{description}: error without a line: {error}");
                    }
                }
                if (applied.All(a => a is "bom" or "crlf") && !result.Succeeded)
                    problems.Add($"{description}: a valid file was rejected: {string.Join("; ", result.Diagnostics)}");
            }
            catch (Exception e)
            {
                problems.Add($"{description}: {e.GetType().Name}: {e.Message}\n{string.Join("\n", e.StackTrace?.Split('\n').Take(6) ?? [])}");
            }
            finally
            {
                File.WriteAllBytes(site.FullPath(file), original);
            }
        }
        output.WriteLine($"{cases} cases, {rejected} rejected with diagnostics, {cases - rejected} still valid, {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    private static byte[] Insert(byte[] input, int at, byte[] bytes) => [.. input[..at], .. bytes, .. input[at..]];

    private static byte[] MapLines(byte[] input, Random random, Action<List<string>, int> change)
    {
        var lines = Encoding.UTF8.GetString(input).Split('\n').ToList();
        change(lines, random.Next(lines.Count));
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static byte[] ReplaceValue(byte[] input, Random random, string[] values) => MapLines(input, random, (lines, i) =>
    {
        var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0) lines[i] = lines[i][..(colon + 2)] + values[random.Next(values.Length)];
    });
}
