using System.Text;
using KennisSite.Tests.Infrastructure;
using KennisSite.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KennisSite.Tests.Yaml;

/// <summary>
/// The fast YAML parser must read a file exactly as YamlDotNet does, positions included, or leave it to YamlDotNet:
/// every test compares the two.
/// </summary>
public class BlockYamlParserTests
{
    [Fact]
    public void Every_yaml_text_in_the_repository_reads_as_YamlDotNet_reads_it_and_every_card_takes_the_fast_path()
    {
        var texts = RepositoryYaml().ToList();
        Assert.True(texts.Count > 40, $"only {texts.Count} YAML texts found");
        foreach (var (path, text) in texts)
        {
            var fast = FastEvents(text);
            if (fast is not null) Assert.Equal(YamlDotNetEvents(text), fast);
            else Assert.False(path.StartsWith(SampleCards, StringComparison.Ordinal), $"{path} is left to YamlDotNet");
        }
    }

    private static readonly string SampleCards = Path.Combine(RepoPaths.Root, "content", "praktijkvoorbeelden").Replace('\\', '/');

    [Theory]
    [InlineData("titel: Zorgzame Straten\nplaats: Antwerpen # stad\n")]
    [InlineData("# opmerking\n\ntitel: \"Een \\\"titel\\\" met \\\\ en \\/\"\nleeg:\ngestart: 2016\n")]
    [InlineData("aanpak:\n  - titel: 'Fase ''een'''\n    stappen:\n      - \"Stap\"\n      - stap twee\n  - titel: b\nthemas: [a, \"b c\", 'd']\n")]
    [InlineData("lijst:\n- a\n- b\nleeg: []\nkaart:\n  website: https://example.org/pad?x=1#deel\n  email: info@example.org\n")]
    [InlineData("titel: C# en F#\r\nplaats: Brussel\r\n")]
    [InlineData("titel: Één — twee “drie” 😀\nfuncties:\n  buurtanalyse: 2\n  sociale-netwerken: 3\n")]
    [InlineData("a:\n  - x\n  - y\nb: z\n\n# einde\n")]
    [InlineData("stappen:\n  - titel: x\n    stappen:\n    - a\n    - b\n  - titel: y\n")]
    [InlineData("")]
    [InlineData("# alleen een opmerking\n")]
    [InlineData("a: \"\"\nb: ''\nc: [ ]\n")]
    [InlineData("detectie: -1\nlijst: [-2, -a]\n")]
    [InlineData("wat: >-\n  Een twee\n  drie.\n\n  Vier\n\n\nwie: |\n  regel 1\n  # geen opmerking\n  regel 3\n\n# opmerking\nx: >\n   a\n   b\n")]
    [InlineData("aanpak:\n  - >-\n    item\n  - |-\n    a\n\n      b\n  - c\nwat: > # opmerking\n  x\n\n")]
    public void Simple_yaml_takes_the_fast_path_and_gives_YamlDotNets_events(string text)
    {
        var fast = FastEvents(text);
        Assert.NotNull(fast);
        Assert.Equal(YamlDotNetEvents(text), fast);
    }

    [Theory]
    [InlineData("wat: een tekst\n  die doorloopt\n")]
    [InlineData("wat: \"een tekst\n  die doorloopt\"\n")]
    [InlineData("themas: [a,\n  b]\n")]
    [InlineData("a: &anker x\nb: *anker\n")]
    [InlineData("a: !!str 5\n")]
    [InlineData("a: {b: c}\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\na: c\n")]
    [InlineData("a: b: c\n")]
    [InlineData("---\na: b\n")]
    [InlineData("  a: b\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("a: \"\\x41\\u00e9\"\n")]
    [InlineData("a: [b, , c]\n")]
    [InlineData("a: \"b\" c\n")]
    [InlineData("wat: >+\n  tekst\n")]
    [InlineData("wat: |2\n   tekst\n")]
    [InlineData("wat: >\n  a\n    ingesprongen\n  b\n")]
    [InlineData("wat: >\n\n  a\n")]
    [InlineData("wat: >\nb: c\n")]
    [InlineData("\"a\": b\n")]
    [InlineData("a:\n  - \n")]
    [InlineData("a: b\n   c: d\n")]
    public void Anything_else_is_left_to_YamlDotNet(string text) => Assert.Null(BlockYamlParser.TryParse(text));

    [Fact]
    public void Deeply_nested_text_is_left_to_YamlDotNet_and_its_depth_check()
    {
        var text = new StringBuilder();
        for (var level = 0; level < 200; level++) text.Append(' ', level).Append('k').Append(level).Append(":\n");
        text.Append(' ', 200).Append("k: x\n");
        Assert.Null(BlockYamlParser.TryParse(text.ToString()));
    }

    /// <summary>
    /// Thousands of small documents built from pieces that are easy to get wrong (quotes, escapes, colons, '#',
    /// indentation, empty values, broken lists): whatever the fast parser accepts, YamlDotNet must read the same way,
    /// and never reject.
    /// </summary>
    [Fact]
    public void Generated_documents_are_read_as_YamlDotNet_reads_them_or_left_to_it()
    {
        var random = new Random(20261124);
        var accepted = 0;
        const int documents = 20_000;
        for (var n = 0; n < documents; n++)
        {
            var text = GeneratedDocument(random);
            var fast = FastEvents(text);
            if (fast is null) continue;
            accepted++;
            List<string> expected;
            try
            {
                expected = YamlDotNetEvents(text);
            }
            catch (YamlException e)
            {
                Assert.Fail($"The fast parser accepted what YamlDotNet rejects ({e.Message}):\n{text}");
                return;
            }
            Assert.True(expected.SequenceEqual(fast), $"Different events for:\n{text}\nYamlDotNet:\n{string.Join('\n', expected)}\nfast:\n{string.Join('\n', fast)}");
        }
        // The comparison only means something when both sides are exercised.
        Assert.InRange(accepted, documents / 5, documents * 4 / 5);
    }

    private static readonly string[] Keys = ["titel", "plaats", "sociale-netwerken", "a_b", "x1", "wat", "-a", "a b", "ä"];

    private static readonly string[] Values =
    [
        "Anderlecht", "2016", "\"tekst\"", "'tekst'", "\"\"", "''", "\"a \\\"b\\\" c\"", "\"a\\\\b\\/c\\nd\\te\"", "'it''s'",
        "C# en F#", "a # opmerking", "https://example.org/x?y=1#z", "a:b", "a: b", "a:", "é — “x”", "~", "null", "true",
        "[a, b]", "[]", "[ ]", "[\"a b\", 'c''d', e]", "[a, ]", "[a,, b]", "[a b, c]", "[a: b]", "[a, [b]]", "[a", "{a: b}",
        "- x", "? x", ": x", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x", "\"open", "'open", "\"a\" b", "\"a\"#c",
        "\"\\x41\"", "\"\\q\"", "a\tb", "😀", "a  ", "#", "-1", "-", "[-1, -]", "[-,a]", "-a b", "\"a\" # c", "[a] # c", "[a]b", "'a'' b'", "\"\\\"\"",
    ];

    private static readonly string[] SafeValues = ["Anderlecht", "2016", "\"Een tekst\"", "'tekst'", "[a, b]", "Zorg in de buurt, voor iedereen"];

    private static readonly string[] BlockHeaders = [">", ">-", "|", "|-", "> # opmerking", ">+", "|2", ">x"];

    private static readonly string[] BlockLines = ["Een regel tekst.", "", "  dieper", "# geen opmerking", "a: b", "- c", "  ", "\"x\""];

    /// <summary>Mostly values the fast parser reads, so that its results are compared often.</summary>
    private static string Value(Random random) =>
        random.Next(3) == 0 ? Values[random.Next(Values.Length)] : SafeValues[random.Next(SafeValues.Length)];

    private static string GeneratedDocument(Random random)
    {
        var text = new StringBuilder();
        var newline = random.Next(8) == 0 ? "\r\n" : "\n";
        void Entries(int indent, int depth)
        {
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                var pad = new string(' ', Math.Max(0, indent + (random.Next(15) == 0 ? random.Next(-1, 2) * 2 : 0)));
                if (random.Next(10) == 0) text.Append(pad).Append("# opmerking").Append(newline);
                if (random.Next(12) == 0) text.Append(newline);
                var key = Keys[random.Next(Keys.Length)] + (random.Next(3) == 0 ? "" : i.ToString());
                switch (depth < 3 ? random.Next(7) : 0)
                {
                    case 0 or 1 or 2:
                        text.Append(pad).Append(key).Append(random.Next(20) == 0 ? ":" : ": ").Append(Value(random));
                        if (random.Next(15) == 0) text.Append("   ");
                        text.Append(newline);
                        if (random.Next(20) == 0) text.Append(pad).Append("  vervolg").Append(newline);
                        break;
                    case 3:
                        text.Append(pad).Append(key).Append(':').Append(random.Next(5) == 0 ? " # leeg" : "").Append(newline);
                        break;
                    case 6:
                        text.Append(pad).Append(key).Append(": ").Append(BlockHeaders[random.Next(BlockHeaders.Length)]).Append(newline);
                        var textIndent = new string(' ', indent + random.Next(1, 4));
                        for (var line = random.Next(4); line >= 0; line--)
                            text.Append(random.Next(5) == 0 ? BlockLines[random.Next(BlockLines.Length)] : textIndent + BlockLines[random.Next(BlockLines.Length)]).Append(newline);
                        break;
                    case 4:
                        text.Append(pad).Append(key).Append(':').Append(newline);
                        Entries(indent + 2, depth + 1);
                        break;
                    default:
                        text.Append(pad).Append(key).Append(':').Append(newline);
                        var dashIndent = indent + random.Next(2) * 2;
                        for (var item = random.Next(1, 4); item > 0; item--)
                        {
                            var dash = new string(' ', dashIndent) + "- ";
                            if (random.Next(3) == 0)
                            {
                                text.Append(dash).Append(Keys[random.Next(3)]).Append(": ").Append(Value(random)).Append(newline);
                                if (random.Next(2) == 0)
                                    text.Append(new string(' ', dashIndent + 2)).Append("stappen:").Append(newline)
                                        .Append(new string(' ', dashIndent + 2 + random.Next(2) * 2)).Append("- ").Append(Value(random)).Append(newline);
                            }
                            else text.Append(dash).Append(Value(random)).Append(newline);
                        }
                        break;
                }
            }
        }
        Entries(0, 0);
        return random.Next(10) == 0 ? text.ToString().TrimEnd() : text.ToString();
    }

    private static List<string>? FastEvents(string text) => BlockYamlParser.TryParse(text) is { } parser ? Events(parser) : null;

    private static List<string> YamlDotNetEvents(string text) => Events(new Parser(new Scanner(new StringReader(text))));

    /// <summary>What YamlDotNet's node tree keeps of each event: kind, start, and a text's value, style and end.</summary>
    private static List<string> Events(IParser parser)
    {
        var events = new List<string>();
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            var at = $"{e.GetType().Name} {e.Start.Index}/{e.Start.Line}/{e.Start.Column}";
            events.Add(e switch
            {
                Scalar s => $"{at}-{s.End.Index}/{s.End.Line}/{s.End.Column} [{s.Value}] {s.Style} {s.IsPlainImplicit} {s.IsQuotedImplicit} {s.Tag} {s.Anchor}",
                MappingStart m => $"{at} {m.Style} {m.IsImplicit} {m.Tag} {m.Anchor}",
                SequenceStart q => $"{at} {q.Style} {q.IsImplicit} {q.Tag} {q.Anchor}",
                DocumentStart or DocumentEnd or StreamStart or StreamEnd => e.GetType().Name,
                _ => e.GetType().Name,
            });
        }
        return events;
    }

    private static IEnumerable<(string Path, string Text)> RepositoryYaml()
    {
        var roots = new[] { Path.Combine(RepoPaths.Root, "content"), RepoPaths.Fixtures };
        foreach (var file in roots.SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories)).Append(Path.Combine(RepoPaths.Root, "site.yml")))
        {
            var text = File.ReadAllText(file);
            var path = file.Replace('\\', '/');
            if (file.EndsWith(".yml", StringComparison.Ordinal)) yield return (path, text);
            else if (file.EndsWith(".md", StringComparison.Ordinal) && text.StartsWith("---", StringComparison.Ordinal))
            {
                var lines = text.Split('\n');
                var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
                if (close > 0) yield return (path, string.Join('\n', lines[1..close]));
            }
        }
    }
}
