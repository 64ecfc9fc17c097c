using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using KennisSite.Content;
using KennisSite.Diagnostics;
using KennisSite.Markdown;
using KennisSite.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KennisSite.Linking;

/// <summary>
/// Resolves the links editors write as source paths ("../praktijkvoorbeelden/x.yml#leerpunten") to output URLs,
/// rewriting them in the parsed Markdown, and reports every broken link, anchor and image at its line.
/// </summary>
public sealed class LinkResolver
{
    private static readonly string[] ExternalSchemes = ["http", "https", "mailto", "tel"];
    private static readonly object EditorUrlKey = new();
    private readonly Dictionary<string, Target> _targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _drafts;
    private readonly HashSet<string> _unreadable;
    private readonly SiteUrls _urls;
    private readonly ResolvedDocuments _resolved;
    private readonly UInt128 _targetsVersion;
    private readonly DiagnosticBag _diagnostics;

    /// <summary>A thing a link can point at: its output path, and the anchors it has.</summary>
    private sealed record Target(string OutputPath, IReadOnlySet<string>? Anchors, string? CardSlug, string? CahierSlug, bool IsFile);

    /// <param name="resolved">Documents resolved by an earlier build (serve); reused when the document and all link targets are unchanged.</param>
    public LinkResolver(SiteContent content, SiteUrls urls, DiagnosticBag diagnostics, ResolvedDocuments? resolved = null)
    {
        _urls = urls;
        _resolved = resolved ?? new ResolvedDocuments();
        _diagnostics = diagnostics;
        _drafts = content.DraftPaths.Select(ContentRelative).ToHashSet(StringComparer.Ordinal);
        _unreadable = content.UnreadablePaths.Select(ContentRelative).ToHashSet(StringComparer.Ordinal);
        foreach (var card in content.Cards)
            _targets[$"praktijkvoorbeelden/{card.Slug}.yml"] = new(SiteUrls.Card(card.Slug), card.SectionsShown(), card.Slug, null, false);
        foreach (var cahier in content.Cahiers)
        {
            var target = new Target(SiteUrls.Cahier(cahier.Slug), AnchorsOf(cahier.Body), null, cahier.Slug, false);
            _targets[ContentRelative(cahier.Source.Path)] = target;
            _targets[$"cahiers/{cahier.Slug}"] = target;
        }
        foreach (var theme in content.Themes)
            _targets[$"themas/{theme.Slug}.md"] = new(SiteUrls.Theme(theme.Slug), AnchorsOf(theme.Description), null, null, false);
        foreach (var page in content.Pages)
            _targets[$"paginas/{page.Slug}.md"] = new(SiteUrls.Page(page.Slug), AnchorsOf(page.Body), null, null, false);
        foreach (var asset in content.Assets)
            _targets[asset.ContentPath] = new(asset.ContentPath, null, null, null, true);
        _targetsVersion = resolved is null ? UInt128.Zero : TargetsVersion();
    }

    /// <summary>A fingerprint of everything a link can resolve to; with the same document, the same fingerprint gives the same result.</summary>
    private UInt128 TargetsVersion()
    {
        var hash = new XxHash128();
        void Add(string? text)
        {
            var length = text?.Length ?? -1;
            hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
            hash.Append(MemoryMarshal.AsBytes((text ?? "").AsSpan()));
        }
        foreach (var (key, target) in _targets.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Add(key);
            Add(target.OutputPath);
            Add(target.CardSlug);
            Add(target.CahierSlug);
            Add(target.IsFile ? "bestand" : "pagina");
            foreach (var anchor in target.Anchors?.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>()) Add(anchor);
            Add(null);
        }
        foreach (var path in _drafts.Order(StringComparer.Ordinal)) Add(path);
        Add(null);
        foreach (var path in _unreadable.Order(StringComparer.Ordinal)) Add(path);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>
    /// Resolves every link and image in one Markdown document, rewriting them in place; returns what it links to. Safe to
    /// call for different documents at once.
    /// </summary>
    public DocumentLinks Resolve(SourceFile source, MarkdownDocument document)
    {
        if (_resolved.Find(document, source.Path, _targetsVersion) is { } kept)
        {
            foreach (var diagnostic in kept.Diagnostics) _diagnostics.Add(diagnostic);
            return kept.Links;
        }
        // Collected apart, so they can be reported again when a later build reuses this result.
        var own = new DiagnosticBag();
        var links = ResolveLinks(source, document, own);
        _resolved.Keep(document, source.Path, _targetsVersion, links, own.Items);
        foreach (var diagnostic in own.Items) _diagnostics.Add(diagnostic);
        return links;
    }

    private DocumentLinks ResolveLinks(SourceFile source, MarkdownDocument document, DiagnosticBag diagnostics)
    {
        var cards = new List<string>();
        var cahiers = new List<string>();
        var ownAnchors = AnchorsOf(document);
        foreach (var link in document.Descendants<LinkInline>())
        {
            // `serve` keeps parsed documents between builds; resolving again must start from what the editor wrote.
            if (link.GetData(EditorUrlKey) is not string url)
            {
                url = link.Url ?? "";
                link.SetData(EditorUrlKey, url);
            }
            // Only a link with a problem needs its line and column, which are counted from the start of the file.
            var resolved = ResolveUrl(url, source.Path, ownAnchors, link.IsImage, () => LocationOf(source, link), diagnostics);
            if (resolved is null) continue;
            link.Url = resolved.Value.Url;
            if (resolved.Value.Target?.CardSlug is { } card) cards.Add(card);
            if (resolved.Value.Target?.CahierSlug is { } cahier) cahiers.Add(cahier);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            var scheme = autolink.IsEmail ? "mailto" : autolink.Url.Split(':')[0].ToLowerInvariant();
            if (!ExternalSchemes.Contains(scheme))
                diagnostics.Error(DiagnosticCodes.LinkSchemeNotAllowed,
                    $"Links van het soort '{scheme}:' zijn niet toegelaten; gebruik een webadres (https://) of e-mail (mailto:).",
                    new SourceLocation(source.Path, autolink.Line + 1, autolink.Column + 1));
        }
        return new DocumentLinks(cards.Distinct().ToList(), cahiers.Distinct().ToList());
    }

    /// <summary>Resolves a path written in front matter (a cover image) to the output path of the file.</summary>
    public string? ResolveImage(SourceFile source, Positioned<string> path)
    {
        var resolved = ResolveUrl(path.Value, source.Path, new HashSet<string>(), isImage: true, () => path.Location, _diagnostics);
        return resolved?.Target?.OutputPath;
    }

    private (string Url, Target? Target)? ResolveUrl(string url, string sourcePath, IReadOnlySet<string> ownAnchors, bool isImage, Func<SourceLocation> location,
        DiagnosticBag diagnostics)
    {
        if (url.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.BrokenLink, "Deze link heeft geen adres.", location());
            return null;
        }
        if (url.StartsWith('#'))
        {
            var anchor = Uri.UnescapeDataString(url[1..]);
            if (!ownAnchors.Contains(anchor) && !anchor.StartsWith("fn", StringComparison.Ordinal))
                diagnostics.Error(DiagnosticCodes.BrokenAnchor, WithHint($"Er is geen hoofdstuk met id '{anchor}' in dit bestand.", anchor, ownAnchors), location());
            return (url, null);
        }
        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '\\', '#', '?']);
        if (colon > 0 && (slash < 0 || colon < slash))
        {
            var scheme = url[..colon].ToLowerInvariant();
            if (ExternalSchemes.Contains(scheme) && !isImage) return (url, null);
            diagnostics.Error(DiagnosticCodes.LinkSchemeNotAllowed,
                isImage
                    ? $"Afbeeldingen moeten bij de tekst staan (een pad zoals foto.jpg), niet '{Shorten(url)}': de site moet zonder internet werken."
                    : $"Links van het soort '{scheme}:' zijn niet toegelaten; gebruik een webadres (https://), e-mail (mailto:) of een pad naar een bestand van de site.",
                location());
            return null;
        }
        if (url.StartsWith('/') || url.StartsWith('\\') || Path.IsPathRooted(url))
        {
            diagnostics.Error(DiagnosticCodes.LinkOutsideSite,
                $"Gebruik een pad relatief aan dit bestand (zoals ../praktijkvoorbeelden/naam.yml), niet '{Shorten(url)}'.", location());
            return null;
        }

        var hash = url.IndexOf('#');
        var pathPart = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var query = pathPart.IndexOf('?');
        if (query >= 0) pathPart = pathPart[..query];
        var contentPath = Combine(ContentRelative(sourcePath), Uri.UnescapeDataString(pathPart));
        if (contentPath is null)
        {
            diagnostics.Error(DiagnosticCodes.LinkOutsideSite, $"De link '{Shorten(url)}' wijst naar een plaats buiten de map content.", location());
            return null;
        }
        if (!_targets.TryGetValue(contentPath.TrimEnd('/'), out var target))
        {
            // The file is there but has errors of its own; one report of them is enough.
            if (_unreadable.Contains(contentPath) || _unreadable.Contains(contentPath.TrimEnd('/') + "/index.md")) return null;
            if (_drafts.Contains(contentPath))
                diagnostics.Error(DiagnosticCodes.BrokenLink, $"'{url}' is een concept en wordt niet gepubliceerd; haal de link weg of publiceer het.", location());
            else if (isImage)
                diagnostics.Error(DiagnosticCodes.MissingImage, $"De afbeelding '{url}' bestaat niet (gezocht: content/{contentPath}).", location());
            else
                diagnostics.Error(DiagnosticCodes.BrokenLink,
                    WithHint($"De link '{url}' wijst naar een bestand dat niet bestaat (gezocht: content/{contentPath}).", contentPath, _targets.Keys, "content/"),
                    location());
            return null;
        }
        if (isImage && !target.IsFile)
        {
            diagnostics.Error(DiagnosticCodes.MissingImage, $"'{url}' is een pagina, geen afbeelding.", location());
            return null;
        }
        if (fragment is not null && (target.Anchors is null || !target.Anchors.Contains(fragment)))
        {
            diagnostics.Error(DiagnosticCodes.BrokenAnchor,
                WithHint($"'{pathPart}' heeft geen hoofdstuk of onderdeel met id '{fragment}'.", fragment, target.Anchors ?? new HashSet<string>()), location());
            return null;
        }
        var href = _urls.Href(target.OutputPath) + (fragment is null ? "" : "#" + Uri.EscapeDataString(fragment));
        return (ResolvedLinks.Mark(href), target);
    }

    private static string WithHint(string message, string value, IEnumerable<string> candidates, string prefix = "") =>
        Suggestions.Closest(value, candidates) is { } hint ? $"{message} Bedoelde je '{prefix}{hint}'?" : message;

    private static string Shorten(string url) => url.Length > 60 ? url[..57] + "..." : url;

    /// <summary>Joins a link to the folder of the file it is written in; null when it climbs out of content/.</summary>
    private static string? Combine(string fromFile, string relative)
    {
        var parts = fromFile.Split('/').SkipLast(1).ToList();
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        return string.Join('/', parts) + (relative.EndsWith('/') ? "/" : "");
    }

    private static string ContentRelative(string sitePath) =>
        sitePath.StartsWith(ContentLoader.ContentFolder + "/", StringComparison.Ordinal) ? sitePath[(ContentLoader.ContentFolder.Length + 1)..] : sitePath;

    private static IReadOnlySet<string> AnchorsOf(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>().Select(HeadingIds.IdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static SourceLocation LocationOf(SourceFile source, LinkInline link)
    {
        var offset = link.UrlSpan.IsEmpty || link.UrlSpan.Start <= 0 ? -1 : link.UrlSpan.Start;
        if (offset < 0) return new SourceLocation(source.Path, link.Line + 1, link.Column + 1);
        var (line, column) = LineColumn(source.Text, offset);
        return new SourceLocation(source.Path, line, column);
    }

    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, offset - lineStart + 1);
    }
}

/// <summary>The items a Markdown document links to, for backlinks and "appears in" lists.</summary>
public sealed record DocumentLinks(IReadOnlyList<string> CardSlugs, IReadOnlyList<string> CahierSlugs);

/// <summary>
/// Link resolution results of earlier builds, kept while the parsed document is. `serve` reuses the documents of
/// unchanged files; their links resolve the same way as long as the set of link targets is the same.
/// </summary>
public sealed class ResolvedDocuments
{
    internal sealed record Result(string SourcePath, UInt128 TargetsVersion, DocumentLinks Links, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly ConditionalWeakTable<MarkdownDocument, Result> _results = new();

    internal Result? Find(MarkdownDocument document, string sourcePath, UInt128 targetsVersion) =>
        targetsVersion != UInt128.Zero && _results.TryGetValue(document, out var result) && result.SourcePath == sourcePath && result.TargetsVersion == targetsVersion
            ? result
            : null;

    internal void Keep(MarkdownDocument document, string sourcePath, UInt128 targetsVersion, DocumentLinks links, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (targetsVersion != UInt128.Zero) _results.AddOrUpdate(document, new Result(sourcePath, targetsVersion, links, diagnostics));
    }
}
