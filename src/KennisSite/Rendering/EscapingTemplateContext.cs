using Scriban;
using Scriban.Parsing;

namespace KennisSite.Rendering;

/// <summary>
/// Scriban writes values as they are; this context HTML-escapes every {{ value }} unless it is <see cref="TrustedHtml"/>,
/// so a template author cannot forget to escape an editor's text.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    /// <summary>The templates this page was made with, so `serve` knows which pages a template edit touches.</summary>
    public SortedSet<string> TemplatesUsed { get; } = new(StringComparer.Ordinal);

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null: break;
            case TrustedHtml trusted: Write(trusted.Html); break;
            default: Write(HtmlText.Encode(ObjectToString(textAsObject) ?? "")); break;
        }
        return this;
    }
}
