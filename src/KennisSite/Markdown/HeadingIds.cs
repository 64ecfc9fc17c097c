using System.Globalization;
using System.Text;
using KennisSite.Input;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KennisSite.Markdown;

/// <summary>
/// Gives every heading an id derived from its text, so links to a chapter keep working when chapters move.
/// The same text twice gets '-2', '-3', ...
/// </summary>
public static class HeadingIds
{
    public static void Assign(MarkdownDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var baseId = FromText(InlineText.Of(heading.Inline));
            var id = baseId;
            for (var n = 2; !used.Add(id); n++) id = $"{baseId}-{n}";
            heading.GetAttributes().Id = id;
        }
    }

    public static string? IdOf(HeadingBlock heading) => heading.TryGetAttributes()?.Id;

    public static string FromText(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in Accents.ToBaseLetters(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(lower);
            else if (char.IsWhiteSpace(lower) || lower is '-' or '_' or '/') builder.Append('-');
        }
        var id = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return id.Length == 0 ? "hoofdstuk" : id;
    }
}

public static class InlineText
{
    /// <summary>The readable text of inline content, without Markdown markup.</summary>
    public static string Of(ContainerInline? container)
    {
        if (container is null) return "";
        var builder = new StringBuilder();
        AppendTo(container, builder);
        return builder.ToString().Trim();
    }

    /// <summary>Like <see cref="Of"/>, but untrimmed and added to text being gathered.</summary>
    public static void AppendTo(Inline inline, StringBuilder builder)
    {
        switch (inline)
        {
            case LiteralInline literal: builder.Append(literal.Content.AsSpan()); break;
            case CodeInline code: builder.Append(code.Content); break;
            case LineBreakInline: builder.Append(' '); break;
            case HtmlEntityInline entity: builder.Append(entity.Transcoded.AsSpan()); break;
            case HtmlInline html: builder.Append(html.Tag); break;
            case AutolinkInline auto: builder.Append(auto.Url); break;
            case ContainerInline container:
                foreach (var child in container) AppendTo(child, builder);
                break;
        }
    }
}
