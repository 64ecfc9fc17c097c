using System.Text;
using KennisSite.Search;
using static KennisSite.Tests.Search.LunrTestEnvironment;

namespace KennisSite.Tests.Search;

public sealed class DutchAnalyzerTests
{
    [Theory]
    [InlineData("nl-stemmer-vectors.tsv")]
    [InlineData("nl-stemmer-seed-words.tsv")]
    public void Stemmer_AgreesWithLunrNl_OnEveryLine(string file)
    {
        // Each line: word <TAB> lunr.nl stemmer output for that word.
        var analyzer = new DutchAnalyzer();
        var mismatches = new List<string>();
        int lines = 0;
        foreach (string line in File.ReadLines(SharedFile(file), Encoding.UTF8))
        {
            if (line.Length == 0) continue;
            lines++;
            string[] columns = line.Split('\t');
            Assert.True(columns.Length == 2, $"Unexpected line in {file}: '{line}'");
            string actual = analyzer.Stem(columns[0]);
            if (actual != columns[1]) mismatches.Add($"{columns[0]}: expected '{columns[1]}', got '{actual}'");
        }

        Assert.True(lines > 1000, $"Only {lines} lines read from {file}.");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {lines} words differ:\n{string.Join('\n', mismatches.Take(200))}");
    }

    [Theory]
    // §3.6 social-care vocabulary.
    [InlineData("buurten", "buurt")]
    [InlineData("buurtgerichte", "buurtgericht")]
    [InlineData("zorgzaamheid", "zorgzam")]
    [InlineData("vrijwilligers", "vrijwilliger")]
    [InlineData("eenzaamheid", "eenzam")]
    [InlineData("kwetsbaarheid", "kwetsbar")]
    [InlineData("Brusselaars", "brusselar")]
    [InlineData("buren", "bur")]
    [InlineData("gezondheid", "gezond")]
    [InlineData("hulpverlening", "hulpverlen")]
    // §3.6 extra edge cases.
    [InlineData("ideeën", "ideeen")]
    [InlineData("coördinatie", "coordinatie")]
    [InlineData("Één", "een")]
    [InlineData("één", "een")]
    [InlineData("café cafés", "caf cafes")]
    [InlineData("maatschappelijke", "maatschapp")]
    [InlineData("vrijheid", "vrijheid")]
    [InlineData("bakken", "bak")]
    [InlineData("IJsselmonde", "ijsselmond")]
    [InlineData("ALLE", "all")]
    [InlineData("auto's", "auto'")]
    [InlineData("zorg, (buurt) \"ontmoeting\"", "zorg buurt ontmoet")]
    [InlineData("zorg/welzijn", "zorg/welzijn")]
    [InlineData("e-mail covid-19", "e mail covid 19")]
    [InlineData("2023 50% €50", "2023 50 50")]
    [InlineData("covid19", "covid19")]
    [InlineData("n.a.v.", "n.a.v")]
    [InlineData("de, Het zijn", "")]
    [InlineData("— & ... ΣΟΦΟΣ 😀", "")]
    public void Analyze_ProducesLunrTerms(string text, string expectedTerms)
    {
        var terms = new DutchAnalyzer().Analyze(text);

        Assert.Equal(expectedTerms, string.Join(' ', terms));
    }

    [Fact]
    public void Tokenize_SplitsOnJavaScriptWhitespaceAndHyphen_WithPositionsBeforeTrimming()
    {
        var tokens = DutchAnalyzer.Tokenize("In (Buurten!)\u00A0a\u2009b\uFEFFc\u0085d--e\u3000f");

        Assert.Equal(
            [new("in", 0, 2), new("(buurten!)", 3, 10), new("a", 14, 1), new("b", 16, 1), new("c\u0085d", 18, 3), new("e", 23, 1), new("f", 25, 1)],
            tokens);
    }

    [Theory]
    [InlineData("(buurten!)", "buurten")]
    [InlineData("😀zorg😀", "zorg")]
    [InlineData("zorg😀zorg", "zorg😀zorg")]
    [InlineData("\"2023\"", "2023")]
    [InlineData("e\u0301", "e")] // NFD combining mark is not a word character
    [InlineData("...", "")]
    [InlineData("ΣΟΦΟΣ", "")]
    public void Trim_RemovesNonWordCharactersAtTheEdgesOnly(string token, string expected) =>
        Assert.Equal(expected, DutchAnalyzer.Trim(token));

    [Theory]
    [InlineData("", true)]
    [InlineData("de", true)]
    [InlineData("zijn", true)]
    [InlineData("één", false)]
    [InlineData("De", false)] // case-sensitive: tokens are lowercased before the filter
    [InlineData("buurt", false)]
    public void IsStopWord_MatchesLunrNlList(string token, bool expected) =>
        Assert.Equal(expected, DutchAnalyzer.IsStopWord(token));

    [Theory]
    [InlineData("İstanbul", "i\u0307stanbul")]
    [InlineData("ΣΟΦΟΣ", "σοφος")]
    [InlineData("ΑΣ. Σ", "ας. σ")]
    [InlineData("ΑΣΑ", "ασα")]
    [InlineData("ΑΣ'Α", "ασ'α")] // the apostrophe is case-ignorable, so a letter still follows
    [InlineData("\U00010D50x", "\U00010D70x")] // Garay: Unicode 16, lowercased by Node 20's ICU
    [InlineData("ÀÉÎ ĲS", "àéî ĳs")]
    public void ToLowerJs_MatchesJavaScriptToLowerCase(string input, string expected) =>
        Assert.Equal(expected, DutchAnalyzer.ToLowerJs(input));

    [Fact]
    public void Normalize_ComposesNfd()
    {
        Assert.Equal("ideeën", DutchAnalyzer.Normalize("ideee\u0308n"));
        Assert.Equal("x\uD800y", DutchAnalyzer.Normalize("x\uD800y")); // lone surrogate left alone
    }
}
