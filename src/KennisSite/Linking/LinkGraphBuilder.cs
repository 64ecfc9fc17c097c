using KennisSite.Configuration;
using KennisSite.Content;

namespace KennisSite.Linking;

public static class LinkGraphBuilder
{
    public const int RelatedCardCount = 4;

    public static LinkGraph Build(SiteContent content, IReadOnlyDictionary<string, DocumentLinks> cahierLinks)
    {
        var byTitle = Comparer<PracticeCard>.Create((a, b) => CompareText(a.Title, b.Title, a.Slug, b.Slug));
        var cahierOrder = Comparer<Cahier>.Create((a, b) => b.Date != a.Date ? b.Date.CompareTo(a.Date) : string.CompareOrdinal(a.Slug, b.Slug));
        var cardsBySlug = content.Cards.ToDictionary(c => c.Slug, StringComparer.Ordinal);

        var cardsByTheme = content.Themes.ToDictionary(t => t.Slug,
            t => (IReadOnlyList<PracticeCard>)content.Cards.Where(c => c.Themes.Any(x => x.Value == t.Slug)).Order(byTitle).ToList(), StringComparer.Ordinal);
        var cahiersByTheme = content.Themes.ToDictionary(t => t.Slug,
            t => (IReadOnlyList<Cahier>)content.Cahiers.Where(c => c.Themes.Any(x => x.Value == t.Slug)).Order(cahierOrder).ToList(), StringComparer.Ordinal);

        var cardsByCahier = content.Cahiers.ToDictionary(c => c.Slug, c =>
        {
            var linked = cahierLinks.GetValueOrDefault(c.Slug)?.CardSlugs ?? [];
            return (IReadOnlyList<PracticeCard>)content.Cards
                .Where(card => card.Cahier?.Value == c.Slug || linked.Contains(card.Slug))
                .Order(byTitle).ToList();
        }, StringComparer.Ordinal);

        var cahiersLinkingToCard = content.Cards.ToDictionary(card => card.Slug, card =>
            (IReadOnlyList<Cahier>)content.Cahiers
                .Where(c => cahierLinks.GetValueOrDefault(c.Slug)?.CardSlugs.Contains(card.Slug) == true || card.Cahier?.Value == c.Slug)
                .Order(cahierOrder).ToList(), StringComparer.Ordinal);

        return new LinkGraph
        {
            CardsByTheme = cardsByTheme,
            CahiersByTheme = cahiersByTheme,
            CardsByCahier = cardsByCahier,
            CahiersLinkingToCard = cahiersLinkingToCard,
            RelatedCards = RelatedCardsFinder.Find(content.Cards, content.Config.Framework, RelatedCardCount),
            RelatedThemes = ThemeOverlaps(content, byTitle, cahierOrder),
        };
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
