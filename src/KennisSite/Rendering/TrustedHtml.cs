namespace KennisSite.Rendering;

/// <summary>HTML that KennisSite produced itself (rendered Markdown, a partial); the only value templates write unescaped.</summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}
