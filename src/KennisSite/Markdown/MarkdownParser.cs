using Markdig;
using Markdig.Syntax;

namespace KennisSite.Markdown;

/// <summary>
/// The one Markdown dialect of KennisSite: CommonMark with footnotes and pipe tables, raw HTML shown as text,
/// stable heading ids and quote attributions. Built once per build; parsing is thread-safe.
/// </summary>
public sealed class MarkdownParser
{
    public MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .UseFootnotes()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    /// <summary>Parses a whole file (front matter included, so Markdig's line numbers match the file's).</summary>
    /// <returns>Null when the text is absurdly deeply nested; <paramref name="problemLine"/> then says where, when known.</returns>
    public MarkdownDocument? Parse(string text, out int? problemLine)
    {
        problemLine = DeeplyIndentedLine(text);
        if (problemLine is not null) return null;
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own guard against nesting that would overflow the stack.
            return null;
        }
        if (DeeplyNestedInline(document) is { } deep)
        {
            problemLine = deep;
            return null;
        }
        HeadingIds.Assign(document);
        QuoteAttribution.Extract(document);
        return document;
    }

    private const int MaxInlineDepth = 64;

    /// <summary>Markdig renders nested inlines recursively and gives up past its depth limit; find such text before rendering.</summary>
    private static int? DeeplyNestedInline(MarkdownDocument document)
    {
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is null) continue;
            var stack = new Stack<(Markdig.Syntax.Inlines.Inline Inline, int Depth)>();
            stack.Push((leaf.Inline, 0));
            while (stack.Count > 0)
            {
                var (inline, depth) = stack.Pop();
                if (depth > MaxInlineDepth) return leaf.Line + 1;
                if (inline is Markdig.Syntax.Inlines.ContainerInline container)
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling) stack.Push((child, depth + 1));
            }
        }
        return null;
    }

    public MarkdownDocument Parse(string text) =>
        Parse(text, out _) ?? throw new ArgumentException("The Markdown is too deeply nested.", nameof(text));

    private const int MaxIndent = 256;

    /// <summary>
    /// Markdig's cost grows with nesting times lines, so thousands of nested list items take minutes before its own
    /// depth guard trips. No real text is indented this far.
    /// </summary>
    private static int? DeeplyIndentedLine(string text)
    {
        int line = 1, indent = 0;
        var atLineStart = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                indent = 0;
                atLineStart = true;
                continue;
            }
            if (!atLineStart) continue;
            if (c is ' ' or '\t' or '>') indent += c == '\t' ? 4 : 1;
            else atLineStart = false;
            if (indent > MaxIndent) return line;
        }
        return null;
    }
}
