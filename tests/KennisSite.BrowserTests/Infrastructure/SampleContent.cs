using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace KennisSite.BrowserTests.Infrastructure;

/// <summary>One practice example as its YAML file says it: what the catalogue filters must be checked against.</summary>
public sealed record ContentCard(string Slug, string Title, string Place, IReadOnlyList<string> Groups, string? Year, IReadOnlyList<string> Themes, IReadOnlyDictionary<string, int> Scores)
{
    public int Score(string function) => Scores.TryGetValue(function, out var score) ? score : 0;

    /// <summary>The values a checkbox group of the catalogue sees for this card.</summary>
    public IReadOnlyList<string> Values(string group) => group switch
    {
        "thema" => Themes,
        "plaats" => [Place],
        "doelgroep" => Groups,
        "jaar" => Year is null ? [] : [Year],
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };
}

public sealed record ContentFunction(string Key, string Name);

/// <summary>
/// The sample content read straight from content/ and site.yml with YamlDotNet, independently of KennisSite's own loader,
/// so the browser tests compare what the reader sees with what the editor wrote.
/// </summary>
public sealed record SampleContent(IReadOnlyList<ContentCard> Cards, IReadOnlyList<ContentFunction> Functions, IReadOnlyList<string> LevelLabels, IReadOnlyDictionary<string, string> ThemeTitles)
{
    public static readonly string[] CheckboxGroups = ["thema", "plaats", "doelgroep", "jaar"];

    public int MaxLevel => LevelLabels.Count - 1;

    public static SampleContent Load(string root)
    {
        var site = (YamlMappingNode)LoadYaml(File.ReadAllText(Path.Combine(root, "site.yml")));
        var framework = (YamlMappingNode)site["functies"];
        var functions = ((YamlSequenceNode)framework["lijst"]).Cast<YamlMappingNode>()
            .Select(f => new ContentFunction(Scalar(f, "sleutel")!, Scalar(f, "naam")!)).ToList();
        var labels = ((YamlSequenceNode)((YamlMappingNode)framework["schaal"])["labels"]).Select(n => ((YamlScalarNode)n).Value!).ToList();

        var cards = new List<ContentCard>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "content", "praktijkvoorbeelden"), "*.yml").Order(StringComparer.Ordinal))
        {
            var card = (YamlMappingNode)LoadYaml(File.ReadAllText(file));
            if (Scalar(card, "concept") == "true") continue;
            var scores = ((YamlMappingNode)card["functies"]).Children.ToDictionary(
                kv => ((YamlScalarNode)kv.Key).Value!, kv => int.Parse(((YamlScalarNode)kv.Value).Value!, CultureInfo.InvariantCulture));
            cards.Add(new ContentCard(Path.GetFileNameWithoutExtension(file), Scalar(card, "titel")!, Scalar(card, "plaats")!,
                List(card, "doelgroepen"), Scalar(card, "gestart"), List(card, "themas"), scores));
        }

        var themes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "content", "themas"), "*.md"))
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            var front = (YamlMappingNode)LoadYaml(text[4..end]);
            if (Scalar(front, "concept") == "true") continue;
            themes[Path.GetFileNameWithoutExtension(file)] = Scalar(front, "titel")!;
        }
        return new SampleContent(cards, functions, labels, themes);
    }

    /// <summary>Cards that pass every filter: a minimum level per function, and for each checkbox group at least one of the chosen values.</summary>
    public IReadOnlyList<ContentCard> Matching(IReadOnlyDictionary<string, int>? levels = null, IReadOnlyDictionary<string, string[]>? values = null) =>
        Cards.Where(c => (levels ?? new Dictionary<string, int>()).All(l => c.Score(l.Key) >= l.Value)
                      && (values ?? new Dictionary<string, string[]>()).All(v => v.Value.Length == 0 || c.Values(v.Key).Intersect(v.Value).Any()))
             .ToList();

    /// <summary>The options of a checkbox group: every value some card has.</summary>
    public IReadOnlyList<string> OptionValues(string group) =>
        Cards.SelectMany(c => c.Values(group)).Distinct().Order(StringComparer.Ordinal).ToList();

    private static YamlNode LoadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;

    private static IReadOnlyList<string> List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlSequenceNode)node).Select(n => ((YamlScalarNode)n).Value!).ToList() : [];
}
