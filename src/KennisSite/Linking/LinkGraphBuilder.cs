using KennisSite.Configuration;
using KennisSite.Content;

namespace KennisSite.Linking;

public static class LinkGraphBuilder
{
    public const int RelatedCardCount = 4;

    /// <param name="related">Related examples of an earlier build (serve), reused when no card's scores or themes changed.</param>
    /// <param name="parallelism">How many cards look for related ones at once; the result is the same for any value.</param>
    public static LinkGraph Build(SiteContent content, IReadOnlyDictionary<string, DocumentLinks> cahierLinks, RelatedCardsCache? related = null,
        int parallelism = 1)
    {
        // The related examples are most of the work here, and the lists are made on one processor: the two run side by side.
        IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> relatedCards = null!;
        ItemLists lists = null!;
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => relatedCards = (related ?? new RelatedCardsCache()).Find(content.Cards, content.Config.Framework, RelatedCardCount, parallelism),
            () => lists = Lists(content, cahierLinks));
        return new LinkGraph
        {
            CardsByTheme = lists.CardsByTheme,
            CahiersByTheme = lists.CahiersByTheme,
            CardsByCahier = lists.CardsByCahier,
            CahiersLinkingToCard = lists.CahiersLinkingToCard,
            RelatedCards = relatedCards,
            RelatedThemes = lists.RelatedThemes,
        };
    }

    private sealed record ItemLists(
        IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> CardsByTheme,
        IReadOnlyDictionary<string, IReadOnlyList<Cahier>> CahiersByTheme,
        IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> CardsByCahier,
        IReadOnlyDictionary<string, IReadOnlyList<Cahier>> CahiersLinkingToCard,
        IReadOnlyDictionary<string, IReadOnlyList<ThemeOverlap>> RelatedThemes);

    private static ItemLists Lists(SiteContent content, IReadOnlyDictionary<string, DocumentLinks> cahierLinks)
    {
        var byTitle = Comparer<PracticeCard>.Create((a, b) => CompareText(a.Title, b.Title, a.Slug, b.Slug));
        var cahierOrder = Comparer<Cahier>.Create((a, b) => b.Date != a.Date ? b.Date.CompareTo(a.Date) : string.CompareOrdinal(a.Slug, b.Slug));
        var cardsBySlug = content.Cards.ToDictionary(c => c.Slug, StringComparer.Ordinal);

        var cardsByTheme = content.Themes.ToDictionary(t => t.Slug,
            t => (IReadOnlyList<PracticeCard>)content.Cards.Where(c => c.Themes.Any(x => x.Value == t.Slug)).Order(byTitle).ToList(), StringComparer.Ordinal);
        var cahiersByTheme = content.Themes.ToDictionary(t => t.Slug,
            t => (IReadOnlyList<Cahier>)content.Cahiers.Where(c => c.Themes.Any(x => x.Value == t.Slug)).Order(cahierOrder).ToList(), StringComparer.Ordinal);

        // Both directions from one pass over the links and the cards' 'cahier' fields, not cahiers times cards.
        var cardsOfCahier = content.Cahiers.ToDictionary(c => c.Slug, _ => new HashSet<PracticeCard>(ReferenceEqualityComparer.Instance), StringComparer.Ordinal);
        var cahiersOfCard = content.Cards.ToDictionary(c => c.Slug, _ => new HashSet<Cahier>(ReferenceEqualityComparer.Instance), StringComparer.Ordinal);
        void Connect(Cahier cahier, PracticeCard card)
        {
            cardsOfCahier[cahier.Slug].Add(card);
            cahiersOfCard[card.Slug].Add(cahier);
        }
        foreach (var (cahierSlug, links) in cahierLinks)
            if (content.FindCahier(cahierSlug) is { } cahier)
                foreach (var cardSlug in links.CardSlugs)
                    if (cardsBySlug.TryGetValue(cardSlug, out var card)) Connect(cahier, card);
        foreach (var card in content.Cards)
            if (content.CahierOf(card) is { } cahier) Connect(cahier, card);
        var cardsByCahier = cardsOfCahier.ToDictionary(e => e.Key, e => (IReadOnlyList<PracticeCard>)e.Value.Order(byTitle).ToList(), StringComparer.Ordinal);
        var cahiersLinkingToCard = cahiersOfCard.ToDictionary(e => e.Key, e => (IReadOnlyList<Cahier>)e.Value.Order(cahierOrder).ToList(), StringComparer.Ordinal);

        return new ItemLists(cardsByTheme, cahiersByTheme, cardsByCahier, cahiersLinkingToCard, ThemeOverlaps(content, byTitle, cahierOrder));
    }

    /// <summary>Pairs come from each item's own theme list, so the cost grows with items, not with items squared.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<ThemeOverlap>> ThemeOverlaps(SiteContent content, IComparer<PracticeCard> cardOrder, IComparer<Cahier> cahierOrder)
    {
        var cahiers = new Dictionary<(string, string), List<Cahier>>();
        var cards = new Dictionary<(string, string), List<PracticeCard>>();
        static IEnumerable<(string, string)> Pairs(IEnumerable<string> themes)
        {
            var list = themes.Distinct().ToList();
            foreach (var a in list)
                foreach (var b in list)
                    if (a != b) yield return (a, b);
        }
        foreach (var cahier in content.Cahiers)
            foreach (var pair in Pairs(cahier.Themes.Select(t => t.Value)))
                (cahiers.TryGetValue(pair, out var l) ? l : cahiers[pair] = []).Add(cahier);
        foreach (var card in content.Cards)
            foreach (var pair in Pairs(card.Themes.Select(t => t.Value)))
                (cards.TryGetValue(pair, out var l) ? l : cards[pair] = []).Add(card);

        var result = new Dictionary<string, IReadOnlyList<ThemeOverlap>>(StringComparer.Ordinal);
        foreach (var theme in content.Themes)
        {
            result[theme.Slug] = content.Themes
                .Where(o => o.Slug != theme.Slug)
                .Select(o => new ThemeOverlap(theme.Slug, o.Slug,
                    (cahiers.GetValueOrDefault((theme.Slug, o.Slug)) ?? []).Order(cahierOrder).ToList(),
                    (cards.GetValueOrDefault((theme.Slug, o.Slug)) ?? []).Order(cardOrder).ToList()))
                .Where(o => o.Count > 0)
                .OrderByDescending(o => o.Count).ThenBy(o => o.Other, StringComparer.Ordinal)
                .ToList();
        }
        return result;
    }

    internal static int CompareText(string a, string b, string slugA, string slugB)
    {
        var byText = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        return byText != 0 ? byText : string.CompareOrdinal(slugA, slugB);
    }
}
