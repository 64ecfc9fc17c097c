using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KennisSite.Search;
using Xunit.Abstractions;
using static KennisSite.Tests.Search.LunrTestEnvironment;

namespace KennisSite.Tests.Search;

public sealed class LunrIndexBuilderTests(ITestOutputHelper output)
{
    private static readonly LunrField[] TitleBody = [new("title", 10), new("body")];

    [Theory]
    [InlineData(false, "index-1.22.0.json")]
    [InlineData(true, "index-1.22.0-positions.json")]
    public void DocsJson_IsByteIdenticalToLunr(bool storePositions, string expectedFile)
    {
        string expected = File.ReadAllText(SharedFile(expectedFile), Encoding.UTF8);
        // The stored files were written with a trailing newline; JSON.stringify adds none.
        if (expected.EndsWith('\n')) expected = expected[..^1];

        string actual = BuildIndex(LoadCorpus(SharedFile("docs.json")), TitleBody, storePositions, useDocumentBoost: false);

        AssertSameJson(expected, actual);
    }

    [Theory]
    [InlineData("corpus1.json", false)]
    [InlineData("corpus1.json", true)]
    [InlineData("corpus-real.json", false)]
    [InlineData("corpus-real.json", true)]
    public void SharedCorpus_IsByteIdenticalToLunrBuildJs(string corpus, bool storePositions)
    {
        string corpusPath = SharedFile(corpus);
        string[] arguments = storePositions
            ? [SharedFile("build.js"), NodeModules, corpusPath, "--positions"]
            : [SharedFile("build.js"), NodeModules, corpusPath];
        string expected = RunNode(arguments);
        if (expected.EndsWith('\n')) expected = expected[..^1];

        // build.js ignores the documents' "boost" property (it calls add(doc) without attributes).
        string actual = BuildIndex(LoadCorpus(corpusPath), TitleBody, storePositions, useDocumentBoost: false);

        AssertSameJson(expected, actual);
    }

    [Fact]
    public void Corpus1_WithDocumentBoosts_IsByteIdenticalToLunr()
    {
        string corpusPath = SharedFile("corpus1.json");
        string expected = RunNode(Path.Combine(TestScriptsDir, "lunr-build.js"), NodeModules, corpusPath, "--positions");

        string actual = BuildIndex(LoadCorpus(corpusPath), TitleBody, storePositions: true, useDocumentBoost: true);

        AssertSameJson(expected, actual);
    }

    [Fact]
    public void OddRefsFieldNamesAndCharacters_AreByteIdenticalToLunr()
    {
        // Array-index-like refs and field names change JavaScript key order; the text covers
        // separators .NET treats differently, İ, final sigma, emoji, ligatures and array values.
        static Dictionary<string, object?> Doc(string id, string body, string?[]? tags, string two, double boost) =>
            new() { ["id"] = id, ["body"] = body, ["tags"] = tags, ["2"] = two, ["boost"] = boost };
        var documents = new[]
        {
            Doc("10", "Zorg\u00A0buurt\u2009wijk\uFEFFhuis\u0085deur", ["Één Element", "TWEE"], "İstanbul ΣΟΦΟΣ ΑΣ. ﬁets", 2.0),
            Doc("2", "tab\there (buurten!) zorg😀 😀zorg auto's e-mail €50 50% 2023", null, "\"quoted\" back\\slash / \u2028", 0.0),
            Doc("007", "de het een en", [null, ""], "", 0.5),
            Doc("x/5", "buurt buurt buurt", ["Zorg"], "Ideeën coördinatie", 3.7),
            Doc("0", "", [], "Buurtgerichte ZORG", 1.0),
        };
        string corpusPath = Path.Combine(Path.GetTempPath(), $"lunr-odd-{Guid.NewGuid():N}.json");
        File.WriteAllText(corpusPath, JsonSerializer.Serialize(documents), new UTF8Encoding(false));
        try
        {
            string expected = RunNode(Path.Combine(TestScriptsDir, "lunr-build.js"), NodeModules, corpusPath, "--positions", "--fields", "body,tags:3,2:0.5");

            var builder = new LunrIndexBuilder([new LunrField("body"), new LunrField("tags", 3), new LunrField("2", 0.5)], storePositions: true);
            foreach (var document in LoadCorpus(corpusPath)) builder.Add(document.Id, document.Values, document.Boost ?? 1);

            AssertSameJson(expected, builder.ToJson());
        }
        finally
        {
            File.Delete(corpusPath);
        }
    }

    [Fact]
    public void NumericFieldName_IsWrittenBeforeIndexKey()
    {
        var builder = new LunrIndexBuilder([new LunrField("title"), new LunrField("2")]);
        builder.Add("a", new Dictionary<string, LunrValue?> { ["title"] = "buurt", ["2"] = "buurt" });

        string json = builder.ToJson();

        Assert.Equal(["2", "title"], builder.Fields);
        Assert.Contains("[\"buurt\",{\"2\":{\"a\":{}},\"_index\":0,\"title\":{\"a\":{}}}]", json);
        Assert.Contains("\"fieldVectors\":[[\"2/a\",", json);
    }

    [Fact]
    public void CSharpBuiltIndex_AnswersQueriesInRealLunrAsInSpec()
    {
        string indexPath = Path.Combine(Path.GetTempPath(), $"lunr-cs-index-{Guid.NewGuid():N}.json");
        File.WriteAllText(indexPath, BuildIndex(LoadCorpus(SharedFile("docs.json")), TitleBody, false, false), new UTF8Encoding(false));
        try
        {
            string result = RunNode(SharedFile("query.js"), NodeModules, indexPath,
                "zorgzaamheid", "buurten", "Ouderen in de buurt", "title:buurt", "vrijwilliger*", "+ouderen -thuiszorg", "eenzaam~1", "buurt,");

            // Spec §5.6, which lunr also produces from the reference index-1.22.0.json.
            string[] expected =
            [
                """{"q":"zorgzaamheid","res":[{"ref":"1","score":4.775,"terms":["zorgzam"]}]}""",
                """{"q":"buurten","res":[{"ref":"1","score":1.356,"terms":["buurt"]},{"ref":"3","score":0.144,"terms":["buurt"]}]}""",
                """{"q":"Ouderen in de buurt","res":[{"ref":"1","score":1.262893,"terms":["ouder","buurt"]},{"ref":"3","score":0.461034,"terms":["ouder","buurt"]}]}""",
                """{"q":"title:buurt","res":[{"ref":"1","score":1.234,"terms":["buurt"]}]}""",
                """{"q":"vrijwilliger*","res":[{"ref":"2","score":6.749334,"terms":["vrijwilliger","vrijwilligerswerk"]},{"ref":"1","score":0.304056,"terms":["vrijwilliger"]}]}""",
                """{"q":"+ouderen -thuiszorg","res":[{"ref":"3","score":0.508,"terms":["ouder"]},{"ref":"1","score":0.43,"terms":["ouder"]}]}""",
                """{"q":"eenzaam~1","res":[{"ref":"1","score":0.897,"terms":["eenzam"]}]}""",
                """{"q":"buurt,","res":[{"ref":"1","score":1.356,"terms":["buurt"]},{"ref":"3","score":0.144,"terms":["buurt"]}]}""",
            ];
            Assert.Equal(expected, result.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            var refs = result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("res").EnumerateArray().Select(r => r.GetProperty("ref").GetString()!).ToArray())
                .ToArray();
            Assert.Equal(["1"], refs[0]);
            Assert.Equal(["2", "1"], refs[4]);
        }
        finally
        {
            File.Delete(indexPath);
        }
    }

    [Fact]
    public void NfcAndNfdText_IndexToTheSameTerms()
    {
        string Build(string file)
        {
            var builder = new LunrIndexBuilder([new LunrField("body")]);
            builder.Add("1", new Dictionary<string, LunrValue?> { ["body"] = File.ReadAllText(SharedFile(file), Encoding.UTF8) });
            return builder.ToJson();
        }

        string nfc = Build("nfc.txt"), nfd = Build("nfd.txt");

        Assert.NotEqual(File.ReadAllBytes(SharedFile("nfc.txt")), File.ReadAllBytes(SharedFile("nfd.txt")));
        Assert.Equal(nfc, nfd);
        Assert.Contains("[\"ideeen\",", nfc);
        Assert.Contains("[\"coordinatie\",", nfc);
    }

    [Fact]
    public void EmptyFieldsAndMissingFields_StillGetFieldVectors()
    {
        var builder = new LunrIndexBuilder([new LunrField("title"), new LunrField("body")]);
        builder.Add("a", new Dictionary<string, LunrValue?> { ["title"] = "de het", ["body"] = null });
        builder.Add("b", new Dictionary<string, LunrValue?>());

        Assert.Equal(
            """{"version":"2.3.9","fields":["title","body"],"fieldVectors":[["title/a",[]],["body/a",[]],["title/b",[]],["body/b",[]]],"invertedIndex":[],"pipeline":["trimmer-nl","stemmer-nl"]}""",
            builder.ToJson());
    }

    [Fact]
    public void InvalidInput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder([new LunrField("a/b")]));
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder([new LunrField("body"), new LunrField("body")]));
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder([new LunrField("constructor")]));

        var builder = new LunrIndexBuilder([new LunrField("body")]);
        builder.Add("1", new Dictionary<string, LunrValue?> { ["body"] = "x" });
        Assert.Throws<ArgumentException>(() => builder.Add("1", new Dictionary<string, LunrValue?> { ["body"] = "y" }));
        Assert.Throws<ArgumentException>(() => builder.Add("2", new Dictionary<string, LunrValue?> { ["titel"] = "y" }));
    }

    [Fact]
    public void CorpusReal_BuildTime()
    {
        var documents = LoadCorpus(SharedFile("corpus-real.json"));
        BuildIndex(documents, TitleBody, false, false); // warm-up (JIT)

        var stopwatch = Stopwatch.StartNew();
        string json = BuildIndex(documents, TitleBody, false, false);
        var plain = stopwatch.Elapsed;
        stopwatch.Restart();
        string withPositions = BuildIndex(documents, TitleBody, true, false);
        var positions = stopwatch.Elapsed;

        output.WriteLine($"corpus-real.json: {documents.Count} docs, index {json.Length} chars in {plain.TotalMilliseconds:F0} ms; " +
                         $"with positions {withPositions.Length} chars in {positions.TotalMilliseconds:F0} ms");
        Assert.True(plain < TimeSpan.FromSeconds(10), $"Building took {plain}.");
    }
}
