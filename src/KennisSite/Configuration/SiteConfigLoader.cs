using KennisSite.Diagnostics;
using KennisSite.Input;
using KennisSite.Yaml;

namespace KennisSite.Configuration;

public static class SiteConfigLoader
{
    public const string FileName = "site.yml";

    private static readonly string[] TopKeys = ["titel", "taal", "basis-url", "uitvoer", "links", "functies", "themagroepen", "offline-zip"];
    private static readonly string[] FrameworkKeys = ["naam", "schaal", "lijst"];
    private static readonly string[] ScaleKeys = ["min", "max", "labels"];
    private static readonly string[] FunctionKeys = ["sleutel", "naam", "omschrijving"];
    private static readonly string[] GroupKeys = ["sleutel", "naam"];

    public static SiteConfig? Load(string siteRoot, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(siteRoot, FileName);
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.SiteConfigMissing,
                $"Geen {FileName} gevonden in '{siteRoot}'. Start KennisSite in de map van de site of geef --site MAP.", null);
            return null;
        }
        var text = SourceText.Read(path, FileName, diagnostics);
        if (text is null) return null;
        var yaml = YamlText.ParseMapping(text, FileName, 1, diagnostics);
        return yaml is null ? null : Read(yaml);
    }

    public static SiteConfig? Read(YamlMap yaml)
    {
        var bag = yaml.Diagnostics;
        yaml.RejectUnknownKeys(TopKeys, FileName);
        var title = yaml.RequiredString("titel", FileName);
        var language = yaml.RequiredString("taal", FileName);
        var output = yaml.OptionalString("uitvoer") ?? "_site";
        if (Path.IsPathRooted(output) || output.Split('/', '\\').Contains(".."))
        {
            bag.Error(DiagnosticCodes.InvalidSiteSetting, $"'uitvoer' moet een map binnen de site zijn, niet '{output}'.", yaml.ValueLocation("uitvoer"));
            output = "_site";
        }

        Uri? baseUrl = null;
        if (yaml.OptionalString("basis-url") is { } rawBase)
        {
            if (Uri.TryCreate(rawBase.EndsWith('/') ? rawBase : rawBase + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                baseUrl = uri;
            else
                bag.Error(DiagnosticCodes.InvalidUrl, $"'basis-url' moet een volledig webadres zijn dat begint met https://, niet '{rawBase}'.", yaml.ValueLocation("basis-url"));
        }

        var links = LinkStyle.File;
        switch (yaml.OptionalString("links"))
        {
            case null or "bestand": break;
            case "mooi": links = LinkStyle.Pretty; break;
            case var other:
                bag.Error(DiagnosticCodes.InvalidSiteSetting, $"'links' is 'bestand' of 'mooi', niet '{other}'.", yaml.ValueLocation("links"));
                break;
        }

        var framework = ReadFramework(yaml);
        var groups = ReadGroups(yaml);
        var zip = yaml.OptionalString("offline-zip") ?? "kennisbank-offline.zip";
        if (!System.Text.RegularExpressions.Regex.IsMatch(zip, "^[a-z0-9][a-z0-9._-]*\\.zip$"))
        {
            bag.Error(DiagnosticCodes.InvalidSiteSetting, $"'offline-zip' moet een bestandsnaam op .zip zijn (kleine letters, cijfers, '-', '.'), niet '{zip}'.", yaml.ValueLocation("offline-zip"));
            zip = "kennisbank-offline.zip";
        }

        if (title is null || language is null || framework is null) return null;
        return new SiteConfig(title, language, baseUrl, output.Trim('/'), links, framework, groups, zip);
    }

    private static FunctionFramework? ReadFramework(YamlMap yaml)
    {
        var map = yaml.Map("functies");
        if (map is null)
        {
            if (!yaml.Has("functies")) yaml.MissingRequired("functies", FileName);
            return null;
        }
        var bag = yaml.Diagnostics;
        var where = $"'functies' van {FileName}";
        map.RejectUnknownKeys(FrameworkKeys, where);
        var name = map.OptionalString("naam") ?? "Functies";

        var scale = map.Map("schaal");
        int min = 0, max = 3;
        IReadOnlyList<string> labels = [];
        if (scale is null)
        {
            if (!map.Has("schaal")) map.MissingRequired("schaal", where);
        }
        else
        {
            scale.RejectUnknownKeys(ScaleKeys, "'schaal'");
            min = scale.OptionalInt("min") ?? 0;
            max = scale.OptionalInt("max") ?? 3;
            labels = scale.StringList("labels").Select(l => l.Value).ToList();
            if (max <= min)
                bag.Error(DiagnosticCodes.InvalidSiteSetting, $"'max' ({max}) moet groter zijn dan 'min' ({min}).", scale.Location);
            else if (labels.Count != max - min + 1)
                bag.Error(DiagnosticCodes.InvalidSiteSetting,
                    $"'labels' moet precies één woord per niveau hebben: {max - min + 1} voor {min} tot {max}, niet {labels.Count}.", scale.ValueLocation("labels"));
        }

        var functions = new List<FunctionDefinition>();
        foreach (var item in map.MapList("lijst"))
        {
            item.RejectUnknownKeys(FunctionKeys, "een functie");
            var key = item.RequiredString("sleutel", "een functie");
            var functionName = item.RequiredString("naam", "een functie");
            var description = item.OptionalString("omschrijving") ?? "";
            if (key is null || functionName is null) continue;
            if (!Slugs.IsValid(key))
                bag.Error(DiagnosticCodes.InvalidSlug, $"De sleutel '{key}' mag alleen kleine letters a-z, cijfers en '-' bevatten. Bijvoorbeeld: '{Slugs.Suggest(key)}'.", item.ValueLocation("sleutel"));
            else if (functions.Any(f => f.Key == key))
                bag.Error(DiagnosticCodes.DuplicateValue, $"De functie '{key}' staat twee keer in de lijst.", item.ValueLocation("sleutel"));
            else
                functions.Add(new FunctionDefinition(key, functionName, description));
        }
        if (functions.Count == 0)
            bag.Error(DiagnosticCodes.EmptyList, "'lijst' onder 'functies' moet minstens één functie bevatten.", map.Location);
        return new FunctionFramework(name, min, max, labels, functions);
    }

    private static IReadOnlyList<ThemeGroup> ReadGroups(YamlMap yaml)
    {
        var groups = new List<ThemeGroup>();
        foreach (var item in yaml.MapList("themagroepen"))
        {
            item.RejectUnknownKeys(GroupKeys, "een themagroep");
            var key = item.RequiredString("sleutel", "een themagroep");
            var name = item.RequiredString("naam", "een themagroep");
            if (key is null || name is null) continue;
            if (groups.Any(g => g.Key == key))
                yaml.Diagnostics.Error(DiagnosticCodes.DuplicateValue, $"De themagroep '{key}' staat twee keer in de lijst.", item.ValueLocation("sleutel"));
            else
                groups.Add(new ThemeGroup(key, name));
        }
        return groups;
    }
}
