using System.Globalization;
using KennisSite.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KennisSite.Yaml;

/// <summary>
/// A YAML mapping read by hand, so that every semantic problem (missing key, wrong type, unknown key)
/// points at the line and column of the offending key or value.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;

    internal YamlMap(YamlMappingNode node, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        _node = node;
        Path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
    }

    public string Path { get; }

    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>Where the mapping starts; missing required keys are reported here.</summary>
    public SourceLocation Location => _node.Children.Count == 0 && _node.Start.Line == 0
        ? new SourceLocation(Path, _lineOffset + 1, 1)
        : At(_node);

    public SourceLocation At(YamlNode node) =>
        new(Path, Math.Max(1, (int)node.Start.Line + _lineOffset), Math.Max(1, (int)node.Start.Column));

    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Value(string key) => Find(key)?.Value;

    public SourceLocation KeyLocation(string key) => Find(key) is { } kv ? At(kv.Key) : Location;

    public SourceLocation ValueLocation(string key) => Find(key) is { } kv ? At(kv.Value) : Location;

    /// <summary>Reports every key that is not allowed, with the closest allowed key as a hint.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> allowed, string what)
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (allowed.Contains(name)) continue;
            var hint = Suggestions.Closest(name, allowed);
            var message = hint is null
                ? $"Onbekende sleutel '{name}' in {what}. Toegelaten: {string.Join(", ", allowed)}."
                : $"Onbekende sleutel '{name}' in {what}. Bedoelde je '{hint}'?";
            _diagnostics.Error(DiagnosticCodes.UnknownKey, message, At(key));
        }
    }

    public string? RequiredString(string key, string what)
    {
        var value = OptionalString(key);
        if (value is null && !HasWrongType(key)) MissingRequired(key, what);
        return value;
    }

    public string? OptionalString(string key)
    {
        var node = Value(key);
        if (node is null || IsNull(node)) return null;
        if (node is YamlScalarNode scalar)
        {
            var text = (scalar.Value ?? "").Trim();
            return text.Length == 0 ? null : text;
        }
        _diagnostics.Error(DiagnosticCodes.WrongType, $"'{key}' moet één tekstwaarde zijn, geen lijst of groep.", At(node));
        return null;
    }

    public int? OptionalInt(string key)
    {
        var node = Value(key);
        if (node is null || IsNull(node)) return null;
        if (node is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        _diagnostics.Error(DiagnosticCodes.WrongType, $"'{key}' moet een geheel getal zijn, niet '{Describe(node)}'.", At(node));
        return null;
    }

    public bool OptionalBool(string key, bool fallback)
    {
        var node = Value(key);
        if (node is null || IsNull(node)) return fallback;
        if (node is YamlScalarNode { Value: "true" or "ja" }) return true;
        if (node is YamlScalarNode { Value: "false" or "nee" }) return false;
        _diagnostics.Error(DiagnosticCodes.WrongType, $"'{key}' moet true of false zijn, niet '{Describe(node)}'.", At(node));
        return fallback;
    }

    /// <summary>A list of short texts; a single text is accepted as a list of one.</summary>
    public IReadOnlyList<Positioned<string>> StringList(string key)
    {
        var node = Value(key);
        if (node is null || IsNull(node)) return [];
        if (node is YamlScalarNode single)
            return string.IsNullOrWhiteSpace(single.Value) ? [] : [new(single.Value.Trim(), At(single))];
        if (node is YamlSequenceNode sequence)
        {
            var items = new List<Positioned<string>>();
            foreach (var child in sequence.Children)
            {
                if (child is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    items.Add(new(text.Trim(), At(child)));
                else if (!IsNull(child))
                    _diagnostics.Error(DiagnosticCodes.WrongType, $"Elk element van '{key}' moet een korte tekst zijn.", At(child));
            }
            return items;
        }
        _diagnostics.Error(DiagnosticCodes.WrongType, $"'{key}' moet een lijst zijn, bijvoorbeeld [a, b].", At(node));
        return [];
    }

    public YamlMap? Map(string key)
    {
        var node = Value(key);
        if (node is null || IsNull(node)) return null;
        if (node is YamlMappingNode mapping) return new YamlMap(mapping, Path, _lineOffset, _diagnostics);
        _diagnostics.Error(DiagnosticCodes.WrongType, $"'{key}' moet een groep van sleutels met waarden zijn.", At(node));
        return null;
    }

    public IReadOnlyList<YamlMap> MapList(string key)
    {
        var node = Value(key);
        if (node is null || IsNull(node)) return [];
        if (node is not YamlSequenceNode sequence)
        {
            _diagnostics.Error(DiagnosticCodes.WrongType, $"'{key}' moet een lijst zijn (elk element begint met '- ').", At(node));
            return [];
        }
        var maps = new List<YamlMap>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlMappingNode mapping) maps.Add(new YamlMap(mapping, Path, _lineOffset, _diagnostics));
            else _diagnostics.Error(DiagnosticCodes.WrongType, $"Elk element van '{key}' moet een groep van sleutels met waarden zijn.", At(child));
        }
        return maps;
    }

    /// <summary>The key/value pairs in file order, for mappings whose keys are data (such as function scores).</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries =>
        _node.Children.Select(kv => ((kv.Key as YamlScalarNode)?.Value ?? "", kv.Key, kv.Value));

    public void MissingRequired(string key, string what) =>
        _diagnostics.Error(DiagnosticCodes.RequiredFieldMissing, $"Verplichte sleutel '{key}' ontbreekt in {what}.", Location);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode => "een lijst",
        _ => "een groep",
    };

    private bool HasWrongType(string key) => Value(key) is { } node && node is not YamlScalarNode && !IsNull(node);

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        foreach (var kv in _node.Children)
            if (kv.Key is YamlScalarNode { Value: { } name } && name == key) return kv;
        return null;
    }
}

/// <summary>A value with the place it was written, so later stages can still point editors at it.</summary>
public sealed record Positioned<T>(T Value, SourceLocation Location);
