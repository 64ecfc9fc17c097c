using KennisSite.Content;

namespace KennisSite.Linking;

/// <summary>How the items of the site relate: per theme, per cahier, per function, and which examples resemble each other.</summary>
public sealed class LinkGraph
{
    public required IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> CardsByTheme { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<Cahier>> CahiersByTheme { get; init; }

    /// <summary>Cards that name the cahier in their 'cahier' field or that the cahier links to.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> CardsByCahier { get; init; }

    /// <summary>Cahiers whose text links to the card.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Cahier>> CahiersLinkingToCard { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> RelatedCards { get; init; }

    /// <summary>For each theme, the other themes that share items with it, strongest first.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ThemeOverlap>> RelatedThemes { get; init; }

    public IReadOnlyList<PracticeCard> CardsOfTheme(string slug) => CardsByTheme.GetValueOrDefault(slug) ?? [];
    public IReadOnlyList<Cahier> CahiersOfTheme(string slug) => CahiersByTheme.GetValueOrDefault(slug) ?? [];
}

/// <summary>Two themes and the cahiers and cards they share.</summary>
public sealed record ThemeOverlap(string Theme, string Other, IReadOnlyList<Cahier> Cahiers, IReadOnlyList<PracticeCard> Cards)
{
    public int Count => Cahiers.Count + Cards.Count;
}
