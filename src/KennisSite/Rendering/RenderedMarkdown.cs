using System.Runtime.CompilerServices;
using Markdig.Syntax;

namespace KennisSite.Rendering;

/// <summary>
/// The HTML of each parsed Markdown document, kept while the document is: `serve` reuses parsed documents of unchanged
/// files, and their links resolve to the same URLs as long as site.yml stays the same.
/// </summary>
public sealed class RenderedMarkdown
{
    private readonly ConditionalWeakTable<MarkdownDocument, Dictionary<string, TrustedHtml>> _byDocument = new();

    internal TrustedHtml For(MarkdownDocument document, string pagePath, Func<TrustedHtml> render)
    {
        var byPage = _byDocument.GetOrCreateValue(document);
        lock (byPage)
        {
            if (byPage.TryGetValue(pagePath, out var html)) return html;
        }
        var rendered = render();
        lock (byPage) byPage[pagePath] = rendered;
        return rendered;
    }
}
