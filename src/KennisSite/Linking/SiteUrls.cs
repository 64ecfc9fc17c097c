using KennisSite.Configuration;

namespace KennisSite.Linking;

/// <summary>
/// Where each page is written and how links to it are spelled. Paths are relative to the output root;
/// pages link to each other relatively, so the site works from disk and from any folder on a web server.
/// </summary>
public sealed class SiteUrls(LinkStyle style)
{
    public const string Home = "index.html";
    public const string CahiersOverview = "cahiers/index.html";
    public const string Catalogue = "praktijkvoorbeelden/index.html";
    public const string ThemesOverview = "themas/index.html";
    public const string FunctionsOverview = "functies/index.html";
    public const string Search = "zoeken/index.html";
    public const string NotFound = "404.html";

    public static string Cahier(string slug) => $"cahiers/{slug}/index.html";
    public static string Card(string slug) => $"praktijkvoorbeelden/{slug}/index.html";
    public static string Theme(string slug) => $"themas/{slug}/index.html";
    public static string Function(string key) => $"functies/{key}/index.html";
    public static string Page(string slug) => $"{slug}/index.html";

    /// <summary>How a link to an output file is written relative to the output root.</summary>
    public string Href(string outputPath)
    {
        if (style == LinkStyle.Pretty && (outputPath == "index.html" || outputPath.EndsWith("/index.html", StringComparison.Ordinal)))
            return outputPath[..^"index.html".Length];
        return outputPath;
    }

    /// <summary>The prefix that leads from a page back to the output root: "./", "../", "../../".</summary>
    public static string RootFrom(string pagePath)
    {
        var depth = pagePath.Count(c => c == '/');
        return depth == 0 ? "./" : string.Concat(Enumerable.Repeat("../", depth));
    }
}
