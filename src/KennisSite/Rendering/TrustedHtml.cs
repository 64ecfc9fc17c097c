namespace KennisSite.Rendering;

/// <summary>HTML that KennisSite produced itself (rendered Markdown, a partial); the only value templates write unescaped.</summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}

/// <summary>
/// The page template's output, which the layout writes as `{{ content }}`: copied from buffer to buffer, never made
/// into a string of its own (a catalogue of thousands of cards is megabytes).
/// </summary>
internal sealed class PageBody(System.Text.StringBuilder html)
{
    public void WriteTo(System.Text.StringBuilder output)
    {
        foreach (var chunk in html.GetChunks()) output.Append(chunk.Span);
    }

    public void WriteTo(TextWriter output)
    {
        foreach (var chunk in html.GetChunks()) output.Write(chunk.Span);
    }

    public override string ToString() => html.ToString();
}
