using KennisSite.Configuration;
using KennisSite.Yaml;
using Markdig.Syntax;

namespace KennisSite.Content;

/// <summary>An editor's file: its path relative to the site root ('/' separators) and its text (LF line endings).</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>A long publication (cahier), written in Markdown with front matter.</summary>
public sealed record Cahier(
    string Slug,
    SourceFile Source,
    string Title,
    string Series,
    int? Number,
    DateOnly Date,
    IReadOnlyList<string> Authors,
    string Summary,
    IReadOnlyList<Positioned<string>> Themes,
    IReadOnlyList<Positioned<string>> Functions,
    Positioned<string>? Cover,
    MarkdownDocument Body)
{
    public IReadOnlyList<Chapter> Chapters { get; } = Chapter.From(Body);
}

/// <summary>A '##' section of a cahier: its own entry in the table of contents and in search.</summary>
public sealed record Chapter(string Id, string Title)
{
    public static IReadOnlyList<Chapter> From(MarkdownDocument body) =>
        body.Descendants<HeadingBlock>()
            .Where(h => h.Level == 2)
            .Select(h => new Chapter(Markdown.HeadingIds.IdOf(h) ?? "", Markdown.InlineText.Of(h.Inline)))
            .ToList();
}

/// <summary>A practice example (praktijkvoorbeeld): one project, scored on the site's functions.</summary>
/// <param name="SourcePath">Only the path of its file: nothing after reading needs a card's text.</param>
public sealed record PracticeCard(
    string Slug,
    string SourcePath,
    string Title,
    string Place,
    string Organisation,
    string What,
    string? Where,
    string? Who,
    IReadOnlyList<string> TargetGroups,
    int? Started,
    int? Ended,
    IReadOnlyList<Phase> Approach,
    IReadOnlyList<string> Lessons,
    IReadOnlyList<QuotedAction> Actions,
    Contact? Contact,
    IReadOnlyList<string> Funders,
    IReadOnlyList<FunctionScore> Scores,
    Assessment? Assessment,
    IReadOnlyList<Positioned<string>> Themes,
    Positioned<string>? Cahier)
{
    /// <summary>The section ids this card's page has: 'wat' and 'functies' always, the others when the card fills them.</summary>
    public IReadOnlySet<string> SectionsShown()
    {
        var shown = new HashSet<string>(StringComparer.Ordinal) { "wat", "functies" };
        if (Approach.Count > 0) shown.Add("aanpak");
        if (Lessons.Count > 0) shown.Add("leerpunten");
        if (Actions.Count > 0) shown.Add("acties");
        if (Contact is { } c && (c.People.Count > 0 || c.Website is not null || c.Email is not null)) shown.Add("contact");
        return shown;
    }

    public int ScoreOf(string functionKey)
    {
        // A loop, not FirstOrDefault with a lambda: every card is asked this for every function, several times per build.
        for (var i = 0; i < Scores.Count; i++)
            if (Scores[i].Key == functionKey) return Scores[i].Score;
        return 0;
    }
}

public sealed record Phase(string Title, IReadOnlyList<string> Steps);

public sealed record QuotedAction(string Title, string Quote);

public sealed record Contact(IReadOnlyList<string> People, string? Website, string? Email);

/// <summary>A card's score on one function, in the order of site.yml.</summary>
public sealed record FunctionScore(string Key, int Score);

/// <summary>Who scored a card, when, and how sure they are.</summary>
public sealed record Assessment(string? By, string? Date, string? Note);

/// <summary>A theme (thema), grouping cahiers and cards across the site.</summary>
public sealed record Theme(string Slug, SourceFile Source, string Title, Positioned<string>? Group, MarkdownDocument Description);

/// <summary>A free page such as 'over' or the accessibility statement.</summary>
public sealed record Page(string Slug, SourceFile Source, string Title, string? Summary, MarkdownDocument Body);

/// <summary>A file beside the content (an image) that pages may use; published at its path under content/.</summary>
public sealed record ContentAsset(string ContentPath, string FullPath);

/// <summary>Everything the editors wrote, validated, in a stable order (by slug).</summary>
public sealed record SiteContent(
    SiteConfig Config,
    IReadOnlyList<Cahier> Cahiers,
    IReadOnlyList<PracticeCard> Cards,
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<Page> Pages,
    IReadOnlyList<ContentAsset> Assets,
    IReadOnlySet<string> DraftPaths)
{
    /// <summary>Files that exist but could not be read (their errors are reported); links to them are not broken links too.</summary>
    public IReadOnlySet<string> UnreadablePaths { get; init; } = new HashSet<string>();

    // Looked up for every card and link (links, feed, search): scanning the cahiers each time would be cards × cahiers.
    // The lookup remembers which list it was made from: a copy made with 'with' and other cahiers must not reuse it.
    // Search documents are made on several threads: two of them may each build it once, and a thread only ever sees a
    // lookup that is complete (Volatile publishes it after it is filled).
    private CahierLookup? _cahierLookup;

    private sealed record CahierLookup(IReadOnlyList<Cahier> From, Dictionary<string, Cahier> BySlug);

    public Cahier? FindCahier(string slug)
    {
        var lookup = Volatile.Read(ref _cahierLookup);
        if (lookup is null || !ReferenceEquals(lookup.From, Cahiers))
        {
            var bySlug = new Dictionary<string, Cahier>(StringComparer.Ordinal);
            foreach (var cahier in Cahiers) bySlug.TryAdd(cahier.Slug, cahier);
            lookup = new CahierLookup(Cahiers, bySlug);
            Volatile.Write(ref _cahierLookup, lookup);
        }
        return lookup.BySlug.GetValueOrDefault(slug);
    }

    /// <summary>The cahier a card names in its 'cahier' field, if it names one that exists.</summary>
    public Cahier? CahierOf(PracticeCard card) => card.Cahier is { } slug ? FindCahier(slug.Value) : null;
}
