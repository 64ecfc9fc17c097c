using System.Text.Json;
using System.Text.Json.Nodes;
using KennisSite.Configuration;

namespace KennisSite.Scaffolding;

/// <summary>
/// A JSON Schema (draft-07) for this site's practice cards, built from site.yml, the themes and the cahiers, so that
/// VS Code's YAML extension completes keys, function keys and theme names and marks mistakes while an editor types.
/// It mirrors the validator's rules; the build stays the judge.
/// </summary>
public static class CardSchema
{
    public const string RelativePath = ".kennissite/praktijkvoorbeeld.schema.json";

    /// <summary>The comment at the top of a card that tells yaml-language-server which schema to use.</summary>
    public const string ModelineFromCard = "# yaml-language-server: $schema=../../.kennissite/praktijkvoorbeeld.schema.json";

    /// <summary>`kennissite schema`: writes the schema for the site in <paramref name="siteRoot"/>; null with diagnostics when site.yml is broken.</summary>
    public static string? Write(string siteRoot, Diagnostics.DiagnosticBag diagnostics)
    {
        var config = SiteConfigLoader.Load(siteRoot, diagnostics);
        if (config is null) return null;
        var content = Path.Combine(siteRoot, Content.ContentLoader.ContentFolder);
        IEnumerable<string> Names(string folder, Func<string, string?> slug) =>
            Directory.Exists(Path.Combine(content, folder))
                ? Directory.EnumerateFileSystemEntries(Path.Combine(content, folder)).Select(slug).OfType<string>().Where(Input.Slugs.IsValid)
                : [];
        var themes = Names("themas", e => e.EndsWith(".md", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(e) : null);
        var cahiers = Names("cahiers", e => Directory.Exists(e) ? Path.GetFileName(e) : e.EndsWith(".md", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(e) : null);
        var path = Path.Combine(siteRoot, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Build(config, themes.Distinct(), cahiers.Distinct()), new System.Text.UTF8Encoding(false));
        return RelativePath;
    }

    public static string Build(SiteConfig config, IEnumerable<string> themeSlugs, IEnumerable<string> cahierSlugs)
    {
        var framework = config.Framework;
        static JsonObject Text(string description) => new() { ["type"] = "string", ["minLength"] = 1, ["description"] = description };
        static JsonObject TextList(string description) => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = description };
        static JsonArray Names(IEnumerable<string> names) => new(names.Order(StringComparer.Ordinal).Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        JsonObject Strict(JsonObject properties, params string[] required) => new()
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray(required.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
            ["properties"] = properties,
        };

        var scores = new JsonObject();
        foreach (var function in framework.Functions)
            scores[function.Key] = new JsonObject
            {
                ["type"] = "integer", ["minimum"] = framework.Min, ["maximum"] = framework.Max,
                ["description"] = $"{function.Name}: {string.Join(", ", Enumerable.Range(framework.Min, framework.Max - framework.Min + 1).Select(l => $"{l} = {framework.LabelFor(l)}"))}",
            };
        var year = new JsonObject { ["type"] = "integer", ["minimum"] = 1800, ["maximum"] = 2200 };

        var schema = Strict(new JsonObject
        {
            ["titel"] = Text("De naam van het project."),
            ["plaats"] = Text("Gemeente of regio."),
            ["organisatie"] = Text("Wie het project draagt."),
            ["wat"] = Text("Eén alinea: wat het project is."),
            ["waar"] = Text("Buurt, straat of gemeente."),
            ["wie"] = Text("Wie het project draagt of doet."),
            ["doelgroepen"] = TextList("Vrije woorden; ze worden filters in de catalogus."),
            ["gestart"] = year,
            ["einde"] = year.DeepClone(),
            ["aanpak"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Strict(new JsonObject { ["titel"] = Text("Naam van de fase."), ["stappen"] = TextList("De stappen van de fase.") }, "titel"),
            },
            ["leerpunten"] = TextList("Korte lessen voor anderen."),
            ["acties"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Strict(new JsonObject { ["titel"] = Text("Naam van de actie."), ["citaat"] = Text("Een citaat over de actie.") }, "titel", "citaat"),
            },
            ["contact"] = Strict(new JsonObject
            {
                ["personen"] = TextList("Contactpersonen."),
                ["website"] = new JsonObject { ["type"] = "string", ["pattern"] = "^https?://" },
                ["email"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$" },
            }),
            ["steun"] = TextList("Wie het project steunt of financiert."),
            ["functies"] = Strict(scores, framework.Functions.Select(f => f.Key).ToArray()),
            ["beoordeling"] = Strict(new JsonObject
            {
                ["door"] = Text("Wie de scores gaf."),
                ["datum"] = new JsonObject { ["type"] = "string", ["pattern"] = "^\\d{4}(-\\d{2}(-\\d{2})?)?$" },
                ["toelichting"] = Text("Hoe zeker de scores zijn."),
            }),
            ["themas"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["enum"] = Names(themeSlugs) } },
            ["cahier"] = new JsonObject { ["enum"] = Names(cahierSlugs) },
            ["concept"] = new JsonObject { ["type"] = "boolean" },
        }, "titel", "plaats", "organisatie", "wat", "functies", "themas");
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        schema["title"] = $"Praktijkvoorbeeld van {config.Title}";
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
