namespace KennisSite.Configuration;

/// <summary>The settings of site.yml.</summary>
public sealed record SiteConfig(
    string Title,
    string Language,
    Uri? BaseUrl,
    string OutputFolder,
    LinkStyle Links,
    FunctionFramework Framework,
    IReadOnlyList<ThemeGroup> ThemeGroups,
    string OfflineZipName);

/// <summary>
/// How internal links are written. File: relative and ending in index.html, so the site works from disk.
/// Pretty: relative and ending in '/', for web servers only.
/// </summary>
public enum LinkStyle { File, Pretty }

/// <summary>The framework practice examples are scored on; data, so a site may use other functions than the eight.</summary>
public sealed record FunctionFramework(string Name, int Min, int Max, IReadOnlyList<string> Labels, IReadOnlyList<FunctionDefinition> Functions)
{
    public string LabelFor(int score) =>
        score >= Min && score <= Max && score - Min < Labels.Count ? Labels[score - Min] : score.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public FunctionDefinition? Find(string key) => Functions.FirstOrDefault(f => f.Key == key);
}

public sealed record FunctionDefinition(string Key, string Name, string Description);

public sealed record ThemeGroup(string Key, string Name);

/// <summary>The settings as JSON, for `serve` to see whether site.yml changed what it means; generated at compile time.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(SiteConfig))]
internal sealed partial class SiteConfigJson : System.Text.Json.Serialization.JsonSerializerContext;
