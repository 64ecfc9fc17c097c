using KennisSite.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KennisSite.Yaml;

/// <summary>Parses editors' YAML into positioned nodes; syntax problems become diagnostics, never exceptions.</summary>
public static class YamlText
{
    /// <param name="firstLine">The 1-based line of the file where the YAML text starts (front matter starts below the opening '---').</param>
    public static YamlMap? ParseMapping(string text, string path, int firstLine, DiagnosticBag diagnostics)
    {
        // Most files are in the simple form the fast parser reads; the others, and every error, are YamlDotNet's.
        var simple = BlockYamlParser.TryParse(text);
        if (simple is null && TooDeep(text) is { } deepLine)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax,
                $"De gegevens zijn meer dan {MaxDepth} niveaus diep genest; zo'n bestand kan KennisSite niet veilig lezen.",
                new SourceLocation(path, deepLine + firstLine - 1, 1));
            return null;
        }
        var stream = new YamlStream();
        Scanner? scanner = null;
        try
        {
            stream.Load(simple ?? (IParser)new Parser(scanner = new Scanner(new StringReader(text))));
        }
        catch (YamlException e)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, $"De YAML-opmaak klopt niet: {DescribeSyntaxError(e)}",
                new SourceLocation(path, Math.Max(1, (int)e.Start.Line + firstLine - 1), Math.Max(1, (int)e.Start.Column)));
            return null;
        }
        catch (Exception e) when (scanner is not null && e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these on some malformed input instead of a YamlException; the scanner still knows where it was.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, "De YAML-opmaak klopt niet op of vlak voor deze plaats. Controleer inspringing, dubbele punten en aanhalingstekens.",
                new SourceLocation(path, Math.Max(1, (int)scanner.CurrentPosition.Line + firstLine - 1), Math.Max(1, (int)scanner.CurrentPosition.Column)));
            return null;
        }

        var offset = firstLine - 1;
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new YamlMap(new YamlMappingNode(), path, offset, diagnostics);

        var root = stream.Documents[0].RootNode;
        if (simple is null && FindAnchor(root, depth: 0) is { } anchored) // the fast parser reads no anchors
        {
            diagnostics.Error(DiagnosticCodes.YamlAliasNotAllowed,
                "Ankers (&) en verwijzingen (*) worden niet ondersteund: schrijf de waarde voluit.",
                new SourceLocation(path, (int)anchored.Start.Line + offset, (int)anchored.Start.Column));
            return null;
        }
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, "Het bestand moet een lijst van sleutels met waarden zijn (sleutel: waarde).",
                new SourceLocation(path, (int)root.Start.Line + offset, (int)root.Start.Column));
            return null;
        }
        return new YamlMap(mapping, path, offset, diagnostics);
    }

    private const int MaxDepth = 100;

    /// <summary>
    /// YamlDotNet parses nesting recursively, so a file with thousands of '[' would overflow the stack and take the
    /// whole build down. Counting brackets and indentation first is crude but errs only on absurd files.
    /// <see cref="BlockYamlParser"/> refuses such files itself, so only what it leaves to YamlDotNet is counted.
    /// </summary>
    private static int? TooDeep(string text)
    {
        int line = 1, flow = 0, indent = 0;
        var atLineStart = true;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': line++; atLineStart = true; indent = 0; continue;
                case '[' or '{': flow++; break;
                case ']' or '}': flow = Math.Max(0, flow - 1); break;
            }
            if (atLineStart && c is ' ' or '-') indent++;
            else atLineStart = false;
            if (flow > MaxDepth || indent > 2 * MaxDepth) return line;
        }
        return null;
    }

    // Aliases would let one small card expand into gigabytes when we walk it (billion laughs); editors never need them.
    private static YamlNode? FindAnchor(YamlNode node, int depth)
    {
        if (!node.Anchor.IsEmpty) return node;
        if (depth > 64) return null;
        return node switch
        {
            YamlMappingNode m => m.Children.SelectMany(kv => new[] { kv.Key, kv.Value })
                .Select(n => FindAnchor(n, depth + 1)).FirstOrDefault(n => n is not null),
            YamlSequenceNode s => s.Children.Select(n => FindAnchor(n, depth + 1)).FirstOrDefault(n => n is not null),
            _ => null,
        };
    }

    private static string DescribeSyntaxError(YamlException e)
    {
        var message = (e.InnerException as YamlException)?.Message ?? e.Message;
        if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
            return "deze sleutel staat twee keer in het bestand.";
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
            return "er staat een tab; gebruik spaties om in te springen.";
        if (message.Contains("double-quoted", StringComparison.Ordinal) || message.Contains("single-quoted", StringComparison.Ordinal))
            return "een tekst tussen aanhalingstekens wordt niet afgesloten.";
        if (message.Contains("expected ',' or ']'", StringComparison.Ordinal))
            return "een lijst tussen [ ] wordt niet afgesloten met ']'.";
        if (message.Contains("expected ',' or '}'", StringComparison.Ordinal))
            return "een groep tussen { } wordt niet afgesloten met '}'.";
        if (message.Contains("invalid mapping", StringComparison.Ordinal) || message.Contains("Mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
            return "een dubbele punt op een onverwachte plaats, of een regel die anders inspringt dan de regels erboven. Zet teksten met een dubbele punt tussen aanhalingstekens.";
        if (message.Contains("did not find expected key", StringComparison.Ordinal) || message.Contains("did not find expected '-'", StringComparison.Ordinal))
            return "deze regel springt anders in dan de regels erboven.";
        return $"{message.TrimEnd('.')}. Controleer inspringing, dubbele punten en aanhalingstekens op deze regel of de regel erboven.";
    }
}
