namespace KennisSite.Search;

/// <summary>
/// One search hit target. Kind is what readers see as the type ("hoofdstuk", "cahier", "praktijkvoorbeeld",
/// "thema", "functie", "pagina"); Url is the href from the output root, with the chapter anchor where there is one.
/// </summary>
public sealed record SearchDocument(string Kind, string Title, string Context, string Url, string Keywords, string Text, IReadOnlyList<string> Themes);
