using System.Buffers;
using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace KennisSite.Markdown;

/// <summary>A stretch of a document under one '##' heading, as plain text (for search and snippets).</summary>
public sealed record TextSection(string? Id, string Title, string Text);

/// <summary>Plain text of parsed Markdown, split at '##' chapters; footnotes count with the chapter that cites them.</summary>
public static class MarkdownText
{
    public static IReadOnlyList<TextSection> Sections(MarkdownDocument document)
    {
        var sections = new List<TextSection>();
        var text = new StringBuilder();
        (string? Id, string Title) current = (null, "");
        void Close()
        {
            var section = new TextSection(current.Id, current.Title, Collapse(text));
            if (section.Id is not null || section.Text.Length > 0) sections.Add(section);
            text.Clear();
        }
        foreach (var block in document)
        {
            if (block is FootnoteGroup or YamlFrontMatterBlock) continue;
            if (block is HeadingBlock { Level: 2 } chapter)
            {
                Close();
                current = (HeadingIds.IdOf(chapter), InlineText.Of(chapter.Inline));
                continue;
            }
            Append(block, text);
            foreach (var leaf in block.Descendants<LeafBlock>().Prepend(block as LeafBlock).OfType<LeafBlock>())
                foreach (var reference in leaf.Inline?.Descendants<FootnoteLink>().Where(l => !l.IsBackLink) ?? [])
                    Append(reference.Footnote, text);
        }
        Close();
        return sections;
    }

    public static string PlainText(MarkdownDocument document) =>
        string.Join(" ", Sections(document).Select(s => s.Title.Length > 0 ? $"{s.Title}. {s.Text}" : s.Text)).Trim();

    private static void Append(Block block, StringBuilder text)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                InlineText.AppendTo(inline, text);
                text.Append(' ');
                break;
            case CodeBlock code:
                text.Append(code.Lines.ToString()).Append(' ');
                break;
            case Table table:
                foreach (var cell in table.Descendants<TableCell>())
                    foreach (var child in cell) Append(child, text);
                break;
            case QuoteBlock quote:
                foreach (var child in quote) Append(child, text);
                if (QuoteAttribution.Of(quote) is { } speaker) text.Append(speaker).Append(' ');
                break;
            case ContainerBlock container:
                foreach (var child in container) Append(child, text);
                break;
        }
    }

    /// <summary>
    /// The text with every run of white space made one space, and none at either end. Written in one pass: a cahier
    /// is thousands of words, and splitting it into a string per word (with a string per paragraph before that) made
    /// 0.8 GB on a site of 1,000 cahiers.
    /// </summary>
    private static string Collapse(StringBuilder text)
    {
        var collapsed = ArrayPool<char>.Shared.Rent(text.Length);
        var length = 0;
        var space = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = length > 0;
                    continue;
                }
                if (space) collapsed[length++] = ' ';
                space = false;
                collapsed[length++] = c;
            }
        }
        var result = new string(collapsed, 0, length);
        ArrayPool<char>.Shared.Return(collapsed);
        return result;
    }
}
