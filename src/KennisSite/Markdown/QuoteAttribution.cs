using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KennisSite.Markdown;

/// <summary>
/// A quote whose last line starts with "-- " (or an em dash) names its speaker, as in the printed cahiers:
/// that line becomes the caption of the quote instead of part of it.
/// </summary>
public static class QuoteAttribution
{
    private static readonly object Key = new();

    public static string? Of(QuoteBlock quote) => quote.GetData(Key) as string;

    public static void Extract(MarkdownDocument document)
    {
        foreach (var quote in document.Descendants<QuoteBlock>())
        {
            if (quote.LastChild is not ParagraphBlock { Inline: { } inline } paragraph) continue;
            var lastBreak = inline.LastOrDefault(i => i is LineBreakInline);
            var lastLine = lastBreak is null ? inline.ToList() : inline.SkipWhile(i => i != lastBreak).Skip(1).ToList();
            if (lastLine.Count == 0 || lastLine.Any(i => i is not LiteralInline)) continue;
            var text = string.Concat(lastLine.Select(i => ((LiteralInline)i).Content.ToString())).Trim();
            string? speaker = null;
            foreach (var prefix in new[] { "-- ", "— ", "– " })
                if (text.StartsWith(prefix, StringComparison.Ordinal)) speaker = text[prefix.Length..].Trim();
            if (string.IsNullOrEmpty(speaker)) continue;

            quote.SetData(Key, speaker);
            if (lastBreak is null)
            {
                quote.Remove(paragraph);
                continue;
            }
            foreach (var i in lastLine) i.Remove();
            lastBreak.Remove();
        }
    }
}
