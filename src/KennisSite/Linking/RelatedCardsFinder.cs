using KennisSite.Configuration;
using KennisSite.Content;

namespace KennisSite.Linking;

/// <summary>
/// Related practice examples: those whose function profile is closest and that share most themes.
/// Similarity = profile closeness (1 minus the mean absolute score difference, scaled to 0..1)
/// + theme overlap (shared themes divided by all themes of the two). Ties go to the alphabetically first slug.
/// </summary>
public static class RelatedCardsFinder
{
    public static IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> Find(IReadOnlyList<PracticeCard> cards, FunctionFramework framework, int count)
    {
        var result = new Dictionary<string, IReadOnlyList<PracticeCard>>(StringComparer.Ordinal);
        foreach (var card in cards)
        {
            result[card.Slug] = cards
                .Where(other => other.Slug != card.Slug)
                .Select(other => (Card: other, Score: Similarity(card, other, framework)))
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Card.Slug, StringComparer.Ordinal)
                .Take(count)
                .Select(x => x.Card)
                .ToList();
        }
        return result;
    }

    public static double Similarity(PracticeCard a, PracticeCard b, FunctionFramework framework)
    {
        var range = Math.Max(1, framework.Max - framework.Min);
        var functions = Math.Max(1, a.Scores.Count);
        var distance = a.Scores.Zip(b.Scores, (x, y) => Math.Abs(x.Score - y.Score)).Sum();
        var profile = 1.0 - (double)distance / (functions * range);
        var themesA = a.Themes.Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var themesB = b.Themes.Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var union = themesA.Union(themesB).Count();
        var themes = union == 0 ? 0 : (double)themesA.Intersect(themesB).Count() / union;
        return profile + themes;
    }
}
