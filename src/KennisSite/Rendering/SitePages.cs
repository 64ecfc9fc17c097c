using System.Globalization;
using System.Text.Json;
using KennisSite.Configuration;
using KennisSite.Content;
using KennisSite.Linking;
using KennisSite.Markdown;
using Markdig;
using Markdig.Syntax;

namespace KennisSite.Rendering;

/// <summary>Turns the content and its links into the list of pages to write, each with the view model its template sees.</summary>
public sealed class SitePages
{
    private readonly SiteContent _content;
    private readonly LinkGraph _graph;
    private readonly SiteUrls _urls;
    private readonly MarkdownPipeline _pipeline;
    private readonly FunctionFramework _framework;
    private readonly Dictionary<string, ThemeRef> _themes;
    private readonly Dictionary<string, CardSummary> _cards;
    private readonly Dictionary<string, CahierSummary> _cahiers;

    private readonly IReadOnlyDictionary<string, string> _covers;
    private readonly RenderedParts _parts;
    private readonly FunctionWheel.Shape _smallWheel;
    private readonly FunctionWheel.Shape _largeWheel;

    /// <param name="covers">Output paths of cahier cover images, by cahier slug.</param>
    /// <param name="parts">Parts of pages made by an earlier build with the same site.yml.</param>
    /// <param name="parallelism">How many card summaries are made at once; they are the same for any value.</param>
    public SitePages(SiteContent content, LinkGraph graph, SiteUrls urls, MarkdownPipeline pipeline, IReadOnlyDictionary<string, string> covers,
        RenderedParts? parts = null, int parallelism = 1)
    {
        _parts = parts ?? new RenderedParts();
        _covers = covers;
        _content = content;
        _graph = graph;
        _urls = urls;
        _pipeline = pipeline;
        _framework = content.Config.Framework;
        _smallWheel = FunctionWheel.ShapeOf(88, _framework);
        _largeWheel = FunctionWheel.ShapeOf(260, _framework);
        _themes = content.Themes.ToDictionary(t => t.Slug, t => new ThemeRef(t.Slug, t.Title, urls.Href(SiteUrls.Theme(t.Slug))), StringComparer.Ordinal);
        // In parallel: a summary draws the card's wheel, and a site of 20,000 cards waited 0.2 s for them on one processor.
        var summaries = new CardSummary[content.Cards.Count];
        Parallel.For(0, summaries.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var card = content.Cards[i];
            summaries[i] = _parts.Summary(card, card.Themes.Select(t => _themes[t.Value]).ToList(), () => Summarise(card));
        });
        _cards = new Dictionary<string, CardSummary>(summaries.Length, StringComparer.Ordinal);
        foreach (var summary in summaries) _cards.Add(summary.Slug, summary);
        _cahiers = content.Cahiers.ToDictionary(c => c.Slug, Summarise, StringComparer.Ordinal);
    }

    public SiteView Site => new(
        _content.Config.Title, _content.Config.Language, _framework.Name,
        _framework.Functions.Select(f => new FunctionView(f.Key, f.Name, f.Description, _urls.Href(SiteUrls.Function(f.Key)))).ToList(),
        Enumerable.Range(_framework.Min, _framework.Max - _framework.Min + 1).Select(LevelOf).ToList(),
        _content.Pages.Select(p => new LinkView(p.Title, _urls.Href(SiteUrls.Page(p.Slug)))).ToList(),
        _urls.Href(SiteUrls.Home), _urls.Href(SiteUrls.CahiersOverview), _urls.Href(SiteUrls.Catalogue),
        _urls.Href(SiteUrls.ThemesOverview), _urls.Href(SiteUrls.FunctionsOverview), _urls.Href(SiteUrls.Search), "feed.xml");

    private LevelView LevelOf(int level) => new(level, _framework.LabelFor(level), FunctionWheel.ShadeFor(level, _framework));

    /// <summary>The pages that show the offline zip's size, rendered again once the zip is made.</summary>
    public IEnumerable<PageJob> PagesShowingZip(ZipView? zip)
    {
        var cahiersByDate = CahiersByDate();
        yield return Job(SiteUrls.Home, "home.html", "home", _content.Config.Title,
            $"Cahiers en praktijkvoorbeelden over welzijn, wonen en zorg in Brussel: {_content.Cahiers.Count} cahiers, {_content.Cards.Count} praktijkvoorbeelden.",
            "home", () => new
            {
                Cahiers = cahiersByDate.Take(3).Select(c => _cahiers[c.Slug]).ToList(),
                CardCount = _content.Cards.Count,
                CahierCount = _content.Cahiers.Count,
                Groups = ThemeGroups(),
                Zip = zip,
            });
        yield return Job(SiteUrls.Search, "zoeken.html", "zoeken", "Zoeken",
            "Zoek in alle cahiers, hoofdstukken, praktijkvoorbeelden en thema's, ook zonder internet.", "zoeken", () => new { Zip = zip });
    }

    public IEnumerable<PageJob> All(ZipView? zip)
    {
        var cahiersByDate = CahiersByDate();
        foreach (var job in PagesShowingZip(zip)) yield return job;

        yield return Job(SiteUrls.CahiersOverview, "cahiers.html", "cahiers", "Cahiers",
            "Alle cahiers van het kenniscentrum, de nieuwste eerst.", "cahiers",
            () => new { Cahiers = cahiersByDate.Select(c => _cahiers[c.Slug]).ToList() });

        for (var i = 0; i < cahiersByDate.Count; i++)
        {
            var cahier = cahiersByDate[i];
            var path = SiteUrls.Cahier(cahier.Slug);
            // Newest first in lists; "previous" is the older cahier, as in a printed series.
            var previous = i + 1 < cahiersByDate.Count ? _cahiers[cahiersByDate[i + 1].Slug] : null;
            var next = i > 0 ? _cahiers[cahiersByDate[i - 1].Slug] : null;
            yield return Job(path, "cahier.html", "cahier", cahier.Title, cahier.Summary, "cahiers", () => new
            {
                Cahier = _cahiers[cahier.Slug],
                cahier.Chapters,
                Body = Html(cahier.Body, path),
                Cover = _covers.GetValueOrDefault(cahier.Slug),
                Functions = cahier.Functions.Select(f => _framework.Find(f.Value)).OfType<FunctionDefinition>()
                    .Select(f => new LinkView(f.Name, _urls.Href(SiteUrls.Function(f.Key)))).ToList(),
                Cards = _graph.CardsByCahier[cahier.Slug].Select(c => _cards[c.Slug]).ToList(),
                Previous = previous,
                Next = next,
            });
        }

        yield return Job(SiteUrls.Catalogue, "catalogus.html", "catalogus", "Praktijkvoorbeelden",
            $"Alle {_content.Cards.Count} praktijkvoorbeelden, te filteren op functie, thema, plaats, doelgroep en startjaar.", "praktijkvoorbeelden",
            () => new { Cards = _content.Cards.Select(c => _cards[c.Slug]).ToList(), Filters = CatalogueFilters() });

        foreach (var card in _content.Cards)
        {
            var path = SiteUrls.Card(card.Slug);
            yield return Job(path, "voorbeeld.html", "voorbeeld", card.Title, Shorten(card.What), "praktijkvoorbeelden", () => new
            {
                Card = card,
                Summary = _cards[card.Slug],
                Wheel = FunctionWheel.Build("profiel", card, _largeWheel, true, key => _urls.Href(SiteUrls.Function(key))),
                Cahier = card.Cahier is { } c && _cahiers.TryGetValue(c.Value, out var own) ? own : null,
                MentionedIn = _graph.CahiersLinkingToCard[card.Slug].Where(x => x.Slug != card.Cahier?.Value).Select(x => _cahiers[x.Slug]).ToList(),
                Related = _graph.RelatedCards[card.Slug].Select(r => _cards[r.Slug]).ToList(),
            });
        }

        yield return Job(SiteUrls.FunctionsOverview, "functies.html", "functies", _framework.Name,
            $"De {_framework.Functions.Count} functies waarop de praktijkvoorbeelden gescoord worden.", "functies", () => new { });
        foreach (var function in _framework.Functions)
            yield return Job(SiteUrls.Function(function.Key), "functie.html", "functie", function.Name,
                function.Description.Length > 0 ? function.Description : $"Praktijkvoorbeelden gerangschikt op {function.Name}.", "functies",
                () =>
                {
                    var ranked = _content.Cards
                        .OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Slug, StringComparer.Ordinal)
                        .Select(c => new RankedCard(_cards[c.Slug], c.ScoreOf(function.Key), _framework.LabelFor(c.ScoreOf(function.Key))))
                        .ToLookup(r => r.Score);
                    return new
                    {
                        Function = new FunctionView(function.Key, function.Name, function.Description, _urls.Href(SiteUrls.Function(function.Key))),
                        // Grouped here, not in the template: a template that picks each level's cards out of all of them
                        // walks all cards twice per level, once to count them (160,000 steps per page at 20,000 cards).
                        Levels = Enumerable.Range(_framework.Min, _framework.Max - _framework.Min + 1).Reverse()
                            .Where(ranked.Contains).Select(l => new LevelGroup(LevelOf(l), [.. ranked[l]])).ToList(),
                    };
                });

        yield return Job(SiteUrls.ThemesOverview, "themas.html", "themas", "Thema's",
            "Alle thema's per groep, en hoeveel cahiers en praktijkvoorbeelden ze met elkaar delen.", "themas",
            () => new { Groups = ThemeGroups(), Matrix = ThemeMatrix(), Columns = MatrixOrder().Select(t => _themes[t.Slug]).ToList() });

        foreach (var theme in _content.Themes)
        {
            var path = SiteUrls.Theme(theme.Slug);
            yield return Job(path, "thema.html", "thema", theme.Title, $"Cahiers en praktijkvoorbeelden over {theme.Title}.", "themas", () => new
            {
                Theme = _themes[theme.Slug],
                Group = _content.Config.ThemeGroups.FirstOrDefault(g => g.Key == theme.Group?.Value)?.Name,
                Description = Html(theme.Description, path),
                Cahiers = _graph.CahiersOfTheme(theme.Slug).Select(c => _cahiers[c.Slug]).ToList(),
                Cards = _graph.CardsOfTheme(theme.Slug).Select(c => _cards[c.Slug]).ToList(),
                Related = _graph.RelatedThemes[theme.Slug].Select(o => new ThemeOverlapView(_themes[o.Other], o.Count, OverlapAnchor(o.Other),
                    o.Cahiers.Select(c => _cahiers[c.Slug]).ToList(), o.Cards.Select(c => _cards[c.Slug]).ToList())).ToList(),
            });
        }

        foreach (var page in _content.Pages)
        {
            var path = SiteUrls.Page(page.Slug);
            yield return Job(path, "pagina.html", "pagina", page.Title, page.Summary ?? page.Title, "", () => new { Body = Html(page.Body, path) });
        }

        yield return Job(SiteUrls.NotFound, "404.html", "404", "Pagina niet gevonden", "Deze pagina bestaat niet (meer).", "", () => new { });
    }

    private List<Cahier> CahiersByDate() =>
        _content.Cahiers.OrderByDescending(c => c.Date).ThenBy(c => c.Slug, StringComparer.Ordinal).ToList();

    public static string OverlapAnchor(string otherTheme) => $"samen-met-{otherTheme}";

    /// <param name="model">Built only when the page is rendered or fingerprinted, so finding one page in the list costs little.</param>
    private PageJob Job(string path, string template, string kind, string title, string description, string section, Func<object> model)
    {
        var canonical = _content.Config.BaseUrl is { } baseUrl ? new Uri(baseUrl, _urls.Href(path)).ToString() : null;
        return new PageJob(path, template, new PageMeta(kind, title, description, path, SiteUrls.RootFrom(path), canonical, section), model);
    }

    private TrustedHtml Html(MarkdownDocument document, string pagePath) =>
        _parts.Markdown(document, pagePath, () => new(MarkdownHtml.Render(document, _pipeline, ResolvedLinks.RelativeTo(pagePath))));

    private CardSummary Summarise(PracticeCard card)
    {
        var scores = JsonSerializer.Serialize(card.Scores.ToDictionary(s => s.Key, s => s.Score), SummaryJson.Default.DictionaryStringInt32);
        return new CardSummary(card.Slug, card.Title, _urls.Href(SiteUrls.Card(card.Slug)), card.Place, card.Organisation, card.What,
            card.Started, card.Ended, card.Themes.Select(t => _themes[t.Value]).ToList(), card.TargetGroups,
            FunctionWheel.Build($"wiel-{card.Slug}", card, _smallWheel, false, key => _urls.Href(SiteUrls.Function(key))),
            scores, JsonSerializer.Serialize(card.Themes.Select(t => t.Value).ToArray(), SummaryJson.Default.StringArray),
            JsonSerializer.Serialize(card.TargetGroups.ToArray(), SummaryJson.Default.StringArray),
            card.Started?.ToString(CultureInfo.InvariantCulture) ?? "");
    }

    private CahierSummary Summarise(Cahier cahier) =>
        new(cahier.Slug, cahier.Title, _urls.Href(SiteUrls.Cahier(cahier.Slug)), cahier.Series, cahier.Number?.ToString(CultureInfo.InvariantCulture),
            DutchText.Date(cahier.Date), DutchText.Iso(cahier.Date), cahier.Authors, cahier.Summary, cahier.Themes.Select(t => _themes[t.Value]).ToList());

    private IReadOnlyList<ThemeGroupView> ThemeGroups()
    {
        ThemeCount Count(Theme t) => new(_themes[t.Slug], _graph.CahiersOfTheme(t.Slug).Count, _graph.CardsOfTheme(t.Slug).Count);
        var groups = _content.Config.ThemeGroups
            .Select(g => new ThemeGroupView(g.Key, g.Name, _content.Themes.Where(t => t.Group?.Value == g.Key).OrderBy(t => t.Title, StringComparer.OrdinalIgnoreCase).Select(Count).ToList()))
            .Where(g => g.Themes.Count > 0)
            .ToList();
        var ungrouped = _content.Themes.Where(t => t.Group is null).OrderBy(t => t.Title, StringComparer.OrdinalIgnoreCase).Select(Count).ToList();
        if (ungrouped.Count > 0) groups.Add(new ThemeGroupView("overige", "Overige thema's", ungrouped));
        return groups;
    }

    private IReadOnlyList<Theme> MatrixOrder()
    {
        var groupOrder = _content.Config.ThemeGroups.Select(g => g.Key).ToList();
        return _content.Themes
            .OrderBy(t => t.Group is null ? int.MaxValue : groupOrder.IndexOf(t.Group.Value))
            .ThenBy(t => t.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private IReadOnlyList<MatrixRow> ThemeMatrix()
    {
        var order = MatrixOrder();
        return order.Select(row => new MatrixRow(_themes[row.Slug], order.Select(column =>
        {
            if (column.Slug == row.Slug)
            {
                var own = _graph.CahiersOfTheme(row.Slug).Count + _graph.CardsOfTheme(row.Slug).Count;
                return new MatrixCell(own, own > 0 ? _themes[row.Slug].Url : null, $"{row.Title}: {own} items");
            }
            var overlap = _graph.RelatedThemes[row.Slug].FirstOrDefault(o => o.Other == column.Slug);
            var count = overlap?.Count ?? 0;
            return new MatrixCell(count, count > 0 ? $"{_themes[row.Slug].Url}#{OverlapAnchor(column.Slug)}" : null,
                $"{row.Title} en {column.Title}: {count} gedeeld");
        }).ToList())).ToList();
    }

    private IReadOnlyList<FilterGroup> CatalogueFilters()
    {
        var cards = _content.Cards;
        var filters = new List<FilterGroup>();
        foreach (var function in _framework.Functions)
        {
            var options = Enumerable.Range(_framework.Min + 1, _framework.Max - _framework.Min)
                .Select(level => new FilterOption(level.ToString(CultureInfo.InvariantCulture),
                    level == _framework.Max ? _framework.LabelFor(level) : $"minstens {_framework.LabelFor(level)}",
                    cards.Count(c => c.ScoreOf(function.Key) >= level)))
                .ToList();
            filters.Add(new FilterGroup(function.Key, function.Name, "niveau", options));
        }
        filters.Add(new FilterGroup("thema", "Thema", "thema",
            _content.Themes.Select(t => new FilterOption(t.Slug, t.Title, _graph.CardsOfTheme(t.Slug).Count)).Where(o => o.Count > 0)
                .OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ToList()));
        filters.Add(Facet("plaats", "Plaats", cards.Select(c => new[] { c.Place })));
        filters.Add(Facet("doelgroep", "Doelgroep", cards.Select(c => c.TargetGroups)));
        filters.Add(Facet("jaar", "Startjaar", cards.Select(c => c.Started is { } y ? new[] { y.ToString(CultureInfo.InvariantCulture) } : [])));
        return filters;
    }

    private static FilterGroup Facet(string key, string label, IEnumerable<IEnumerable<string>> values) =>
        new(key, label, key, values.SelectMany(v => v.Distinct()).GroupBy(v => v)
            .Select(g => new FilterOption(g.Key, g.Key, g.Count()))
            .OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Value, StringComparer.Ordinal).ToList());

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..text.LastIndexOf(' ', 197)] + "…";
}
