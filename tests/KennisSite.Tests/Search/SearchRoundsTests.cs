using KennisSite.Search;

namespace KennisSite.Tests.Search;

/// <summary>A build indexes its search documents a round at a time; the files must be those of all documents at once.</summary>
public sealed class SearchRoundsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Documents_in_rounds_give_the_same_index_and_store_as_all_at_once(int parallelism)
    {
        var words = new[] { "buurtzorg", "Brussel", "mantelzorgers", "wonen", "eenzaamheid", "détectie", "toeleiding", "netwerken", "zorg." };
        var random = new Random(7);
        string Text(int count) => string.Join(" ", Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));
        var documents = Enumerable.Range(0, 700).Select(i => new SearchDocument(i % 7 == 0 ? "cahier" : "praktijkvoorbeeld", Text(3), Text(2),
            $"voorbeelden/{i}/index.html", Text(4), Text(random.Next(0, 60)), i % 3 == 0 ? ["wonen"] : [])).ToList();
        var themes = new Dictionary<string, string> { ["wonen"] = "Wonen" };
        // Rounds of uneven sizes, one of them empty, one across a block of the store (256 documents).
        int[] ends = [1, 1, 300, 301, 640, 700];
        var rounds = ends.Select((end, r) => (IReadOnlyList<SearchDocument>)documents[(r == 0 ? 0 : ends[r - 1])..end]).ToList();

        var whole = SearchIndexFiles.Build(documents, themes, parallelism);
        var inRounds = SearchIndexFiles.Build(rounds, themes, piece => piece, parallelism);

        Assert.Equal(whole.Index.SelectMany(p => p), inRounds.Index.SelectMany(p => p));
        Assert.Equal(whole.Documents.SelectMany(p => p), inRounds.Documents.SelectMany(p => p));
    }
}
