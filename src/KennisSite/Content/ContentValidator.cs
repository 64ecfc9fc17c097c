using KennisSite.Diagnostics;
using KennisSite.Yaml;

namespace KennisSite.Content;

/// <summary>Checks what no single file can: references between items and names that would collide in the output.</summary>
public static class ContentValidator
{
    /// <summary>Free pages are published at the top level, so they may not take these names.</summary>
    public static readonly IReadOnlySet<string> ReservedPageSlugs =
        new HashSet<string>(["cahiers", "praktijkvoorbeelden", "functies", "themas", "zoeken", "assets", "lib", "404", "index"], StringComparer.Ordinal);

    public static void Validate(SiteContent content, DiagnosticBag diagnostics)
    {
        var config = content.Config;
        var themeSlugs = content.Themes.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var cahierSlugs = content.Cahiers.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var functionKeys = config.Framework.Functions.Select(f => f.Key).ToList();
        var groupKeys = config.ThemeGroups.Select(g => g.Key).ToList();

        ReportDuplicates(content.Cahiers.Select(c => (c.Slug, c.Source.Path)), "cahiers", diagnostics);
        ReportDuplicates(content.Cards.Select(c => (c.Slug, c.SourcePath)), "praktijkvoorbeelden", diagnostics);
        ReportDuplicates(content.Themes.Select(t => (t.Slug, t.Source.Path)), "thema's", diagnostics);
        ReportDuplicates(content.Pages.Select(p => (p.Slug, p.Source.Path)), "pagina's", diagnostics);

        foreach (var cahier in content.Cahiers)
        {
            CheckThemes(cahier.Themes, themeSlugs, diagnostics);
            foreach (var function in cahier.Functions)
                if (!functionKeys.Contains(function.Value))
                    diagnostics.Error(DiagnosticCodes.UnknownFunction, WithHint($"Onbekende functie '{function.Value}'.", function.Value, functionKeys), function.Location);
        }
        foreach (var card in content.Cards)
        {
            CheckThemes(card.Themes, themeSlugs, diagnostics);
            if (card.Cahier is { } cahier && !cahierSlugs.Contains(cahier.Value))
                diagnostics.Error(DiagnosticCodes.UnknownCahier,
                    WithHint($"Er is geen cahier '{cahier.Value}' (verwacht: de naam van een bestand of map in content/cahiers).", cahier.Value, cahierSlugs),
                    cahier.Location);
        }
        foreach (var theme in content.Themes)
            if (theme.Group is { } group && !groupKeys.Contains(group.Value))
                diagnostics.Error(DiagnosticCodes.UnknownThemeGroup,
                    WithHint($"Onbekende themagroep '{group.Value}'. De groepen staan onder 'themagroepen' in site.yml.", group.Value, groupKeys),
                    group.Location);
        foreach (var page in content.Pages)
            if (ReservedPageSlugs.Contains(page.Slug))
                diagnostics.Error(DiagnosticCodes.ReservedSlug,
                    $"Een pagina mag niet '{page.Slug}' heten: die naam gebruikt de site zelf ({string.Join(", ", ReservedPageSlugs.Order(StringComparer.Ordinal))}).",
                    new SourceLocation(page.Source.Path));
    }

    private static void CheckThemes(IEnumerable<Positioned<string>> themes, IReadOnlySet<string> known, DiagnosticBag diagnostics)
    {
        foreach (var theme in themes)
            if (!known.Contains(theme.Value))
                diagnostics.Error(DiagnosticCodes.UnknownTheme,
                    WithHint($"Onbekend thema '{theme.Value}' (verwacht: de naam van een bestand in content/themas, zonder .md).", theme.Value, known),
                    theme.Location);
    }

    private static string WithHint(string message, string value, IEnumerable<string> candidates) =>
        Suggestions.Closest(value, candidates) is { } hint ? $"{message} Bedoelde je '{hint}'?" : message;

    private static void ReportDuplicates(IEnumerable<(string Slug, string Path)> items, string kindPlural, DiagnosticBag diagnostics)
    {
        foreach (var group in items.GroupBy(i => i.Slug).Where(g => g.Count() > 1))
        {
            var paths = group.Select(g => g.Path).Order(StringComparer.Ordinal).ToList();
            foreach (var path in paths)
                diagnostics.Error(DiagnosticCodes.DuplicateSlug,
                    $"Er zijn {paths.Count} {kindPlural} met de naam '{group.Key}': {string.Join(" en ", paths)}. Geef elk een eigen naam.",
                    new SourceLocation(path));
        }
    }
}
