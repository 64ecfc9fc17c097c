using KennisSite.Content;
using KennisSite.Linking;
using KennisSite.Markdown;

namespace KennisSite.Search;

/// <summary>What is searchable: each practice example, each cahier and each of its chapters, themes, functions and free pages.</summary>
public static class SearchDocuments
{
    public static IReadOnlyList<SearchDocument> Collect(SiteContent content, SiteUrls urls)
    {
        var themeTitles = content.Themes.ToDictionary(t => t.Slug, t => t.Title, StringComparer.Ordinal);
        string ThemeWords(IEnumerable<string> slugs) => string.Join(" ", slugs.Select(s => themeTitles.GetValueOrDefault(s, s)));
        var documents = new List<SearchDocument>();

        foreach (var cahier in content.Cahiers)
        {
            var themes = cahier.Themes.Select(t => t.Value).ToList();
            var url = urls.Href(SiteUrls.Cahier(cahier.Slug));
            var sections = MarkdownText.Sections(cahier.Body);
            var heading = cahier.Number is { } n ? $"{cahier.Series} {n}" : cahier.Series;
            var intro = sections.FirstOrDefault(s => s.Id is null)?.Text ?? "";
            documents.Add(new SearchDocument("cahier", cahier.Title, $"{heading} · {string.Join(", ", cahier.Authors)}", url,
                $"{heading} {string.Join(" ", cahier.Authors)} {ThemeWords(themes)}", Join(cahier.Summary, intro), themes));
            foreach (var chapter in sections.Where(s => s.Id is not null))
                documents.Add(new SearchDocument("hoofdstuk", chapter.Title, cahier.Title, $"{url}#{chapter.Id}", cahier.Title, chapter.Text, themes));
        }

        foreach (var card in content.Cards)
        {
            var themes = card.Themes.Select(t => t.Value).ToList();
            var cahierTitle = card.Cahier is { } c ? content.Cahiers.FirstOrDefault(x => x.Slug == c.Value)?.Title : null;
            var keywords = string.Join(" ", new[] { card.Place, card.Organisation, ThemeWords(themes), cahierTitle ?? "" }.Concat(card.TargetGroups));
            var text = Join(
                [card.What, card.Where, card.Who,
                 .. card.Approach.SelectMany(p => p.Steps.Prepend(p.Title)),
                 .. card.Lessons,
                 .. card.Actions.SelectMany(a => new[] { a.Title, a.Quote }),
                 .. card.Funders,
                 .. card.Contact?.People ?? [],
                 card.Assessment?.Note]);
            documents.Add(new SearchDocument("praktijkvoorbeeld", card.Title, $"{card.Place} · {card.Organisation}",
                urls.Href(SiteUrls.Card(card.Slug)), keywords, text, themes));
        }

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
