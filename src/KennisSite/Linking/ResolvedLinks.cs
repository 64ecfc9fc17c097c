namespace KennisSite.Linking;

/// <summary>
/// Internal links in Markdown, once resolved, are written as "/" + the target's href from the output root.
/// Editors cannot produce that form themselves (a leading '/' is rejected), so at render time every such URL
/// is ours and is made relative to the page being written.
/// </summary>
public static class ResolvedLinks
{
    public static string Mark(string hrefFromRoot) => "/" + hrefFromRoot;

    public static Func<string, string> RelativeTo(string pagePath)
    {
        var root = SiteUrls.RootFrom(pagePath);
        return url => url.StartsWith('/') ? root + url[1..] : url;
    }
}
