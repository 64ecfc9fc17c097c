using System.Runtime.CompilerServices;
using KennisSite.Content;
using Markdig.Syntax;

namespace KennisSite.Rendering;

/// <summary>
/// Parts of pages made by earlier builds, kept while the parsed item they come from is: `serve` reuses the records and
/// Markdown documents of unchanged files, and the same record with the same site.yml gives the same part.
/// </summary>
/// <param name="keepMarkdown">
/// False for a one-off build, which writes each document on each page once: kept, the HTML of 1,000 cahiers was 0.1 GB
/// held to the end of the build. Card summaries are kept either way: every listing of a card shows the same one.
/// </param>
public sealed class RenderedParts(bool keepMarkdown = true)
{
    private readonly ConditionalWeakTable<MarkdownDocument, Dictionary<string, TrustedHtml>> _markdown = new();
    private readonly ConditionalWeakTable<PracticeCard, CardSummary> _summaries = new();

    /// <summary>The HTML of a Markdown document as written on one page (links are relative to the page).</summary>
    internal TrustedHtml Markdown(MarkdownDocument document, string pagePath, Func<TrustedHtml> render)
    {
        if (!keepMarkdown) return render();
        var byPage = _markdown.GetOrCreateValue(document);
        lock (byPage)
        {
            if (byPage.TryGetValue(pagePath, out var html)) return html;
        }
        var rendered = render();
        lock (byPage) byPage[pagePath] = rendered;
        return rendered;
    }

    /// <summary>A card as listings show it; it also shows the titles of its themes, which live in other files.</summary>
    internal CardSummary Summary(PracticeCard card, IReadOnlyList<ThemeRef> themes, Func<CardSummary> summarise)
    {
        if (_summaries.TryGetValue(card, out var kept) && kept.Themes.SequenceEqual(themes)) return kept;
        var summary = summarise();
        _summaries.AddOrUpdate(card, summary);
        return summary;
    }
}
