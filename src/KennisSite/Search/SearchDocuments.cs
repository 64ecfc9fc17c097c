using KennisSite.Content;
using KennisSite.Linking;
using KennisSite.Markdown;

namespace KennisSite.Search;

/// <summary>What is searchable: each practice example, each cahier and each of its chapters, themes, functions and free pages.</summary>
public static class SearchDocuments
{
    /// <param name="parallelism">How many cahiers and cards are turned into documents at once; the order is theirs.</param>
    public static IReadOnlyList<SearchDocument> Collect(SiteContent content, SiteUrls urls, int parallelism = 1)
    {
        var themeTitles = content.Themes.ToDictionary(t => t.Slug, t => t.Title, StringComparer.Ordinal);
        string ThemeWords(IEnumerable<string> slugs) => string.Join(" ", slugs.Select(s => themeTitles.GetValueOrDefault(s, s)));
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };

        // A cahier's text is its Markdown walked chapter by chapter: a large site's worth is a second's work on one processor.
        var ofCahiers = new SearchDocument[content.Cahiers.Count][];
        Parallel.For(0, ofCahiers.Length, options, i =>
        {
            var cahier = content.Cahiers[i];
            var themes = cahier.Themes.Select(t => t.Value).ToList();
            var url = urls.Href(SiteUrls.Cahier(cahier.Slug));
            var sections = MarkdownText.Sections(cahier.Body);
            var heading = cahier.Number is { } n ? $"{cahier.Series} {n}" : cahier.Series;
            var intro = sections.FirstOrDefault(s => s.Id is null)?.Text ?? "";
            ofCahiers[i] =
            [
                new SearchDocument("cahier", cahier.Title, $"{heading} · {string.Join(", ", cahier.Authors)}", url,
                    $"{heading} {string.Join(" ", cahier.Authors)} {ThemeWords(themes)}", Join(cahier.Summary, intro), themes),
                .. sections.Where(s => s.Id is not null)
                    .Select(chapter => new SearchDocument("hoofdstuk", chapter.Title, cahier.Title, $"{url}#{chapter.Id}", cahier.Title, chapter.Text, themes)),
            ];
        });

        var ofCards = new SearchDocument[content.Cards.Count];
        Parallel.For(0, ofCards.Length, options, i =>
        {
            var card = content.Cards[i];
            var themes = card.Themes.Select(t => t.Value).ToList();
            var keywords = string.Join(" ", new[] { card.Place, card.Organisation, ThemeWords(themes), content.CahierOf(card)?.Title ?? "" }.Concat(card.TargetGroups));
            var text = Join(
                [card.What, card.Where, card.Who,
                 .. card.Approach.SelectMany(p => p.Steps.Prepend(p.Title)),
                 .. card.Lessons,
                 .. card.Actions.SelectMany(a => new[] { a.Title, a.Quote }),
                 .. card.Funders,
                 .. card.Contact?.People ?? [],
                 card.Assessment?.Note]);
            ofCards[i] = new SearchDocument("praktijkvoorbeeld", card.Title, $"{card.Place} · {card.Organisation}",
                urls.Href(SiteUrls.Card(card.Slug)), keywords, text, themes);
        });

        var documents = new List<SearchDocument>(ofCahiers.Sum(c => c.Length) + ofCards.Length + content.Themes.Count);
        foreach (var ofCahier in ofCahiers) documents.AddRange(ofCahier);
        documents.AddRange(ofCards);

        foreach (var theme in content.Themes)
        {
            var group = content.Config.ThemeGroups.FirstOrDefault(g => g.Key == theme.Group?.Value)?.Name ?? "";
            documents.Add(new SearchDocument("thema", theme.Title, group, urls.Href(SiteUrls.Theme(theme.Slug)), group,
                MarkdownText.PlainText(theme.Description), [theme.Slug]));
        }

        var framework = content.Config.Framework;
        foreach (var function in framework.Functions)
            documents.Add(new SearchDocument("functie", function.Name, framework.Name, urls.Href(SiteUrls.Function(function.Key)), framework.Name, function.Description, []));

        foreach (var page in content.Pages)
            documents.Add(new SearchDocument("pagina", page.Title, "", urls.Href(SiteUrls.Page(page.Slug)), page.Summary ?? "", MarkdownText.PlainText(page.Body), []));

        return documents;
    }

    private static string Join(params IEnumerable<string?> parts) =>
        string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
