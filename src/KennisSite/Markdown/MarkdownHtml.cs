using System.Net;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KennisSite.Markdown;

/// <summary>Renders parsed Markdown to HTML with KennisSite's figures and quote captions.</summary>
public static class MarkdownHtml
{
    /// <param name="rewriteUrl">Maps each link and image URL as resolved by the link stage to what the page writes.</param>
    public static string Render(MarkdownDocument document, MarkdownPipeline pipeline, Func<string, string> rewriteUrl)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<QuoteBlockRenderer>(new CaptionedQuoteRenderer());
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer());
        renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollingTableRenderer());
        renderer.LinkRewriter = rewriteUrl;
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private sealed class CaptionedQuoteRenderer : HtmlObjectRenderer<QuoteBlock>
    {
        protected override void Write(HtmlRenderer renderer, QuoteBlock quote)
        {
            var speaker = QuoteAttribution.Of(quote);
            renderer.EnsureLine();
            if (speaker is not null) renderer.Write("<figure class=\"citaat\">\n");
            renderer.Write("<blockquote>\n");
            var implicitParagraph = renderer.ImplicitParagraph;
            renderer.ImplicitParagraph = false;
            renderer.WriteChildren(quote);
            renderer.ImplicitParagraph = implicitParagraph;
            renderer.EnsureLine();
            renderer.Write("</blockquote>\n");
            if (speaker is not null)
                renderer.Write("<figcaption>— ").Write(WebUtility.HtmlEncode(speaker)).Write("</figcaption>\n</figure>\n");
        }
    }

    /// <summary>A wide table scrolls inside its own keyboard-reachable box, so the page never scrolls sideways on a phone.</summary>
    private sealed class ScrollingTableRenderer : HtmlTableRenderer
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.EnsureLine();
            renderer.Write("<div class=\"tabel-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel\">");
            base.Write(renderer, table);
            renderer.EnsureLine();
            renderer.Write("</div>\n");
        }
    }

    /// <summary>An image alone in its paragraph is a figure; its title, when given, is the caption.</summary>
    private sealed class FigureParagraphRenderer : ParagraphRenderer
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
        {
            var image = SoleImage(paragraph);
            if (image is null)
            {
                base.Write(renderer, paragraph);
                return;
            }
            renderer.EnsureLine();
            renderer.Write("<figure>\n<img src=\"").WriteEscapeUrl(image.Url ?? "").Write("\" alt=\"")
                .Write(WebUtility.HtmlEncode(InlineText.Of(image))).Write("\" loading=\"lazy\">\n");
            if (!string.IsNullOrWhiteSpace(image.Title))
                renderer.Write("<figcaption>").Write(WebUtility.HtmlEncode(image.Title)).Write("</figcaption>\n");
            renderer.Write("</figure>\n");
        }

        private static LinkInline? SoleImage(ParagraphBlock paragraph)
        {
            if (paragraph.Inline is null) return null;
            var parts = paragraph.Inline.Where(i => !(i is LiteralInline l && l.Content.IsEmptyOrWhitespace())).ToList();
            return parts is [LinkInline { IsImage: true } image] ? image : null;
        }
    }
}
