using System.IO.Hashing;
using System.Runtime.InteropServices;
using KennisSite.Configuration;
using KennisSite.Content;

namespace KennisSite.Linking;

/// <summary>
/// The related examples of the last build, by slug, with a fingerprint of what they were computed from (every card's
/// slug, scores and themes). Most edits (a title, a text, a contact) leave those alone, and then `serve` need not
/// compare the cards again.
/// </summary>
public sealed class RelatedCardsCache
{
    private UInt128 _inputs;
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _related;

    internal IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> Find(IReadOnlyList<PracticeCard> cards, FunctionFramework framework, int count, int parallelism)
    {
        var inputs = Fingerprint(cards, count);
        if (_related is null || inputs != _inputs)
        {
            _related = RelatedCardsFinder.Find(cards, framework, count, parallelism)
                .ToDictionary(r => r.Key, r => (IReadOnlyList<string>)r.Value.Select(c => c.Slug).ToList(), StringComparer.Ordinal);
            _inputs = inputs;
        }
        var bySlug = cards.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        return _related.ToDictionary(r => r.Key, r => (IReadOnlyList<PracticeCard>)r.Value.Select(s => bySlug[s]).ToList(), StringComparer.Ordinal);
    }

    private static UInt128 Fingerprint(IReadOnlyList<PracticeCard> cards, int count)
    {
        var hash = new XxHash128();
        void Add(string text)
        {
            var length = text.Length;
            hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
            hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        }
        Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var card in cards)
        {
            Add(card.Slug);
            foreach (var score in card.Scores) Add($"{score.Key}={score.Score}");
            Add("|");
            foreach (var theme in card.Themes) Add(theme.Value);
            Add("/");
        }
        return hash.GetCurrentHashAsUInt128();
    }
}
