using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KennisSite.Configuration;
using KennisSite.Content;
using KennisSite.Diagnostics;
using KennisSite.Markdown;

namespace KennisSite.Benchmarks;

/// <summary>
/// The same content as a Hugo site, for a side-by-side build: cahiers and cards as pages, themes as a taxonomy with
/// their descriptions, one ranked table per function, the catalogue, a home page; templates that show what KennisSite's
/// show (a card's scores as a small profile, its themes, the cahier's text). Hugo gets no search index, no offline zip
/// and, unless asked, no related content: those are what KennisSite does on top.
/// </summary>
public static partial class HugoSite
{
    [GeneratedRegex(@"\]\((?:\.\./)+(praktijkvoorbeelden|themas|cahiers)/([a-z0-9-]+)\.(?:yml|md)(#[^)]*)?\)")]
    private static partial Regex SourceLink();

    public static void Write(string kennisSite, string folder, bool related)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(kennisSite, diagnostics) ?? throw new InvalidOperationException("site.yml is ongeldig.");
        var content = ContentLoader.Load(kennisSite, config, new MarkdownParser(), includeDrafts: false, diagnostics);
        if (diagnostics.HasErrors) throw new InvalidOperationException(string.Join("\n", diagnostics.ToSortedList()));
        Directory.CreateDirectory(folder);
        void Save(string relative, string text)
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }

        Save("config.yaml", $"""
            baseURL: /
            title: {Yaml(config.Title)}
            languageCode: nl-be
            disableKinds: [robotsTXT]
            # The generated cahiers are dated 41 days apart, so on the large site most lie in the future; Hugo would
            # skip those (buildFuture is false by default) and build far less than KennisSite.
            buildFuture: true
            taxonomies:
              thema: themas
            markup:
              goldmark:
                renderer:
                  unsafe: false
            related:
              includeNewer: true
              threshold: 1
              toLower: false
              indices:
                - name: themas
                  weight: 100
                - name: profiel
                  weight: 50
            params:
              related: {(related ? "true" : "false")}
              functies:
            {string.Concat(config.Framework.Functions.Select(f => $"    - {{key: {f.Key}, naam: {Yaml(f.Name)}}}\n"))}
            """);

        foreach (var cahier in content.Cahiers)
            Save($"content/cahiers/{cahier.Slug}.md", $"""
                ---
                title: {Yaml(cahier.Title)}
                date: {cahier.Date:yyyy-MM-dd}
                summary: {Yaml(cahier.Summary)}
                auteurs: [{string.Join(", ", cahier.Authors.Select(Yaml))}]
                themas: [{string.Join(", ", cahier.Themes.Select(t => t.Value))}]
                ---
                {Links(Body(cahier.Source.Text))}
                """);
        foreach (var card in content.Cards)
        {
            var body = new StringBuilder(card.What).Append("\n\n## Aanpak\n\n");
            foreach (var phase in card.Approach)
            {
                body.Append("### ").Append(phase.Title).Append("\n\n");
                foreach (var step in phase.Steps) body.Append("- ").Append(step).Append('\n');
                body.Append('\n');
            }
            body.Append("## Leerpunten\n\n");
            foreach (var lesson in card.Lessons) body.Append("- ").Append(lesson).Append('\n');
            foreach (var action in card.Actions) body.Append("\n> ").Append(action.Quote).Append("\n> -- ").Append(action.Title).Append('\n');
            Save($"content/praktijkvoorbeelden/{card.Slug}.md", $"""
                ---
                title: {Yaml(card.Title)}
                plaats: {Yaml(card.Place)}
                organisatie: {Yaml(card.Organisation)}
                gestart: {card.Started?.ToString(CultureInfo.InvariantCulture) ?? "0"}
                doelgroepen: [{string.Join(", ", card.TargetGroups.Select(Yaml))}]
                themas: [{string.Join(", ", card.Themes.Select(t => t.Value))}]
                profiel: [{string.Join(", ", card.Scores.Select(s => $"{s.Key}-{s.Score}"))}]
                scores:
                {string.Concat(card.Scores.Select(s => $"  {s.Key}: {s.Score}\n"))}
                ---
                {body}
                """);
        }
        foreach (var theme in content.Themes)
            Save($"content/themas/{theme.Slug}/_index.md", $"---\ntitle: {Yaml(theme.Title)}\n---\n{Links(Body(theme.Source.Text))}\n");
        foreach (var function in config.Framework.Functions)
            Save($"content/functies/{function.Key}.md", $"---\ntitle: {Yaml(function.Name)}\nkey: {function.Key}\n---\n{function.Description}\n");
        Save("content/praktijkvoorbeelden/_index.md", "---\ntitle: Praktijkvoorbeelden\n---\n");
        Save("content/cahiers/_index.md", "---\ntitle: Cahiers\n---\n");
        Save("content/functies/_index.md", "---\ntitle: Functies\n---\n");

        foreach (var (path, text) in Templates) Save(path, text);
    }

    private static string Body(string source)
    {
        var end = source.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? source : source[(source.IndexOf('\n', end + 1) + 1)..];
    }

    private static string Links(string markdown) => SourceLink().Replace(markdown, m => $"](/{m.Groups[1].Value}/{m.Groups[2].Value}/{m.Groups[3].Value})");

    private static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static readonly (string Path, string Text)[] Templates =
    [
        ("layouts/_default/baseof.html", """
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body>
            <header><a href="/">{{ .Site.Title }}</a>
            <nav><a href="/cahiers/">Cahiers</a> <a href="/praktijkvoorbeelden/">Praktijkvoorbeelden</a> <a href="/themas/">Thema's</a> <a href="/functies/">Functies</a></nav></header>
            <main>{{ block "main" . }}{{ end }}</main>
            <footer>{{ .Site.Title }}</footer>
            </body></html>
            """),
        ("layouts/partials/profiel.html", """
            <svg class="wiel" viewBox="0 0 88 88" role="img" aria-label="functieprofiel">{{ range $i, $f := site.Params.functies }}{{ $s := index $.Params.scores $f.key | default 0 }}<rect x="{{ mul $i 11 }}" y="{{ sub 88 (mul $s 29) }}" width="10" height="{{ mul $s 29 }}" fill="hsl(210, 60%, {{ sub 90 (mul $s 20) }}%)"><title>{{ $f.naam }}: {{ $s }}</title></rect>{{ end }}</svg>
            """),
        ("layouts/partials/kaart.html", """
            <article class="kaart"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Params.plaats }} · {{ .Params.organisatie }}</p>{{ partial "profiel.html" . }}
            <ul>{{ range .GetTerms "themas" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>
            """),
        ("layouts/_default/single.html", """
            {{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Params.auteurs }}<p>{{ delimit . ", " }}</p>{{ end }}
            <nav class="inhoud">{{ .TableOfContents }}</nav>{{ .Content }}
            <ul>{{ range .GetTerms "themas" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>{{ end }}
            """),
        ("layouts/praktijkvoorbeelden/single.html", """
            {{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.plaats }} · {{ .Params.organisatie }} · sinds {{ .Params.gestart }}</p>
            {{ partial "profiel.html" . }}
            <table><tr><th>functie</th><th>score</th></tr>{{ range site.Params.functies }}<tr><td>{{ .naam }}</td><td>{{ index $.Params.scores .key }}</td></tr>{{ end }}</table>
            {{ .Content }}
            <ul>{{ range .GetTerms "themas" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
            {{ if site.Params.related }}<h2>Verwante voorbeelden</h2>{{ range first 4 (site.RegularPages.Related .) }}{{ partial "kaart.html" . }}{{ end }}{{ end }}
            </article>{{ end }}
            """),
        ("layouts/_default/list.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
            {{ range .Pages }}{{ if eq .Section "praktijkvoorbeelden" }}{{ partial "kaart.html" . }}{{ else }}<article><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Summary }}</p></article>{{ end }}{{ end }}{{ end }}
            """),
        ("layouts/_default/terms.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
            """),
        ("layouts/_default/term.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
            <h2>Cahiers</h2>{{ range where .Pages "Section" "cahiers" }}<article><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3></article>{{ end }}
            <h2>Praktijkvoorbeelden</h2>{{ range where .Pages "Section" "praktijkvoorbeelden" }}{{ partial "kaart.html" . }}{{ end }}{{ end }}
            """),
        ("layouts/functies/single.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ $key := .Params.key }}
            <table><thead><tr><th>Praktijkvoorbeeld</th><th>Plaats</th><th>Organisatie</th><th>Score</th></tr></thead><tbody>
            {{ range sort (where site.RegularPages "Section" "praktijkvoorbeelden") (printf "Params.scores.%s" $key) "desc" }}<tr><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Params.plaats }}</td><td>{{ .Params.organisatie }}</td><td>{{ index .Params.scores $key }}</td></tr>{{ end }}
            </tbody></table>{{ end }}
            """),
        ("layouts/index.html", """
            {{ define "main" }}<h1>{{ .Site.Title }}</h1>
            <p>{{ len (where site.RegularPages "Section" "cahiers") }} cahiers, {{ len (where site.RegularPages "Section" "praktijkvoorbeelden") }} praktijkvoorbeelden.</p>
            {{ range first 3 (where site.RegularPages "Section" "cahiers").ByDate.Reverse }}<article><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3></article>{{ end }}{{ end }}
            """),
    ];
}
