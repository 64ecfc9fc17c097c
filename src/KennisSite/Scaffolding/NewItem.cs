using System.Globalization;
using System.Text;
using KennisSite.Configuration;
using KennisSite.Content;
using KennisSite.Diagnostics;
using KennisSite.Input;

namespace KennisSite.Scaffolding;

/// <summary>
/// `kennissite nieuw voorbeeld|cahier NAAM`: a new, valid file to start from, with every function key of this site's
/// site.yml, so an editor fills in text instead of remembering keys. Never overwrites.
/// </summary>
public static class NewItem
{
    public enum Kind { PracticeCard, Cahier }

    /// <returns>The path of the new file relative to the site root, or null with diagnostics saying why not.</returns>
    public static string? Create(string siteRoot, Kind kind, string slug, DateOnly today, DiagnosticBag diagnostics)
    {
        var config = SiteConfigLoader.Load(siteRoot, diagnostics);
        if (config is null) return null;
        if (!Slugs.IsValid(slug))
        {
            diagnostics.Error(DiagnosticCodes.InvalidSlug,
                $"De naam '{slug}' mag alleen kleine letters a-z, cijfers en '-' bevatten. Bijvoorbeeld: '{Slugs.Suggest(slug)}'.", null);
            return null;
        }
        var relative = kind == Kind.PracticeCard
            ? $"{ContentLoader.ContentFolder}/praktijkvoorbeelden/{slug}.yml"
            : $"{ContentLoader.ContentFolder}/cahiers/{slug}/index.md";
        var existing = kind == Kind.Cahier ? new[] { relative, $"{ContentLoader.ContentFolder}/cahiers/{slug}.md" } : [relative];
        if (existing.FirstOrDefault(p => File.Exists(Path.Combine(siteRoot, p))) is { } taken)
        {
            diagnostics.Error(DiagnosticCodes.DuplicateSlug, $"'{taken}' bestaat al; KennisSite overschrijft geen bestaand bestand. Kies een andere naam.", new SourceLocation(taken));
            return null;
        }

        var theme = FirstTheme(siteRoot);
        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' '));
        var text = kind == Kind.PracticeCard ? Card(config, title, theme, today.Year) : CahierText(title, theme, today);
        var full = Path.Combine(siteRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using (var stream = new FileStream(full, FileMode.CreateNew))
            stream.Write(new UTF8Encoding(false).GetBytes(text));
        return relative;
    }

    private static string FirstTheme(string siteRoot)
    {
        var folder = Path.Combine(siteRoot, ContentLoader.ContentFolder, "themas");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(Slugs.IsValid).Order(StringComparer.Ordinal).FirstOrDefault() ?? "thema"
            : "thema";
    }

    private static string Card(SiteConfig config, string title, string theme, int year)
    {
        var framework = config.Framework;
        var text = new StringBuilder();
        text.Append($"""
            {CardSchema.ModelineFromCard}
            # Nieuw praktijkvoorbeeld. Vul de teksten in; de velden met '#' ervoor zijn niet verplicht.
            titel: {title}
            plaats: Brussel
            organisatie: Naam van de organisatie
            wat: >-
              Eén alinea over wat het project doet, voor wie en waarom.
            # waar: buurt, straat of gemeente
            # wie: wie het project draagt
            # doelgroepen: [ouderen, buurtbewoners]
            # gestart: {year}
            # leerpunten:
            #   - Een les die anderen kunnen gebruiken.
            themas: [{theme}]
            # Score per functie, van {framework.Min} ({framework.LabelFor(framework.Min)}) tot {framework.Max} ({framework.LabelFor(framework.Max)}).
            functies:

            """);
        foreach (var function in framework.Functions)
            text.Append($"  {function.Key}: {framework.Min}\n");
        text.Append("beoordeling:\n  door: Kenniscentrum WWZ\n  toelichting: Nog in te schatten.\n");
        return text.ToString();
    }

    private static string CahierText(string title, string theme, DateOnly today) => $"""
        ---
        titel: {title}
        datum: {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}
        auteurs: [Naam Auteur]
        samenvatting: >-
          De tekst van de achterflap: waarover dit cahier gaat, in een paar zinnen.
        themas: [{theme}]
        concept: true
        ---

        ## Inleiding

        Elke titel met twee hekjes is een hoofdstuk, met een eigen plaats in de inhoudstafel en in de zoekresultaten.

        """;
}
