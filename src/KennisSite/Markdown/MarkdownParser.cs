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
    public MarkdownDocument Parse(string text)
    {
        var document = Markdig.Markdown.Parse(text, Pipeline);
        HeadingIds.Assign(document);
        QuoteAttribution.Extract(document);
        return document;
    }
}
