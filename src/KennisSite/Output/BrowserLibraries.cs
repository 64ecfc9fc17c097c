using System.Reflection;

namespace KennisSite.Output;

/// <summary>
/// lunr.js and its Dutch language support, from the npm packages pinned in package.json, compiled into KennisSite
/// so every built site carries them (no CDN) whatever folder the generator runs in.
/// </summary>
public static class BrowserLibraries
{
    private const string Prefix = "browser/";

    public static IEnumerable<OutputFile> All()
    {
        var assembly = typeof(BrowserLibraries).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            yield return new OutputFile("assets/" + name[Prefix.Length..], copy.ToArray());
        }
    }
}
