using KennisSite.Content;
using KennisSite.Linking;
using KennisSite.Markdown;

namespace KennisSite.Search;

/// <summary>What is searchable: each practice example, each cahier and each of its chapters, themes, functions and free pages.</summary>
public static class SearchDocuments
{
    /// <param name="parallelism">How many cahiers and cards are turned into documents at once; the order is theirs.</param>
    public static IReadOnlyList<SearchDocument> Collect(SiteContent content, SiteUrls urls, int parallelism = 1) =>
        [.. InRounds(content, urls, parallelism).SelectMany(round => round)];

    /// <summary>
    /// The documents of <see cref="Collect"/>, in the same order, made a round at a time as the caller walks them: the
    /// index and the store take each round in turn, so only one round of text is alive at once, not all of it (0.2 GB at
    /// 20,000 cards).
    /// </summary>
    public static IEnumerable<IReadOnlyList<SearchDocument>> InRounds(SiteContent content, SiteUrls urls, int parallelism = 1)
    {
        const int cahiersPerRound = 100, cardsPerRound = 2_000;
        var themeTitles = content.Themes.ToDictionary(t => t.Slug, t => t.Title, StringComparer.Ordinal);
        string ThemeWords(IEnumerable<string> slugs) => string.Join(" ", slugs.Select(s => themeTitles.GetValueOrDefault(s, s)));
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };

        // A cahier's text is its Markdown walked chapter by chapter: a large site's worth is a second's work on one processor.
        SearchDocument[] OfCahier(Cahier cahier)
        {
            var themes = cahier.Themes.Select(t => t.Value).ToList();
            var url = urls.Href(SiteUrls.Cahier(cahier.Slug));
            var sections = MarkdownText.Sections(cahier.Body);
            var heading = cahier.Number is { } n ? $"{cahier.Series} {n}" : cahier.Series;
            var intro = sections.FirstOrDefault(s => s.Id is null)?.Text ?? "";
            return
            [
                new SearchDocument("cahier", cahier.Title, $"{heading} · {string.Join(", ", cahier.Authors)}", url,
                    $"{heading} {string.Join(" ", cahier.Authors)} {ThemeWords(themes)}", Join(cahier.Summary, intro), themes),
                .. sections.Where(s => s.Id is not null)
                    .Select(chapter => new SearchDocument("hoofdstuk", chapter.Title, cahier.Title, $"{url}#{chapter.Id}", cahier.Title, chapter.Text, themes)),
            ];
        }

        SearchDocument OfCard(PracticeCard card)
        {
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
            return new SearchDocument("praktijkvoorbeeld", card.Title, $"{card.Place} · {card.Organisation}",
                urls.Href(SiteUrls.Card(card.Slug)), keywords, text, themes);
        }

        for (var start = 0; start < content.Cahiers.Count; start += cahiersPerRound)
        {
            var ofCahiers = new SearchDocument[Math.Min(cahiersPerRound, content.Cahiers.Count - start)][];
            Parallel.For(0, ofCahiers.Length, options, i => ofCahiers[i] = OfCahier(content.Cahiers[start + i]));
            yield return [.. ofCahiers.SelectMany(documents => documents)];
        }

        for (var start = 0; start < content.Cards.Count; start += cardsPerRound)
        {
            var ofCards = new SearchDocument[Math.Min(cardsPerRound, content.Cards.Count - start)];
            Parallel.For(0, ofCards.Length, options, i => ofCards[i] = OfCard(content.Cards[start + i]));
            yield return ofCards;
        }

        var others = new List<SearchDocument>();
        foreach (var theme in content.Themes)
        {
            var group = content.Config.ThemeGroups.FirstOrDefault(g => g.Key == theme.Group?.Value)?.Name ?? "";
            others.Add(new SearchDocument("thema", theme.Title, group, urls.Href(SiteUrls.Theme(theme.Slug)), group,
                MarkdownText.PlainText(theme.Description), [theme.Slug]));
        }

        var framework = content.Config.Framework;
        foreach (var function in framework.Functions)
            others.Add(new SearchDocument("functie", function.Name, framework.Name, urls.Href(SiteUrls.Function(function.Key)), framework.Name, function.Description, []));

        foreach (var page in content.Pages)
            others.Add(new SearchDocument("pagina", page.Title, "", urls.Href(SiteUrls.Page(page.Slug)), page.Summary ?? "", MarkdownText.PlainText(page.Body), []));

        yield return others;
    }

    private static string Join(params IEnumerable<string?> parts) =>
        string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
