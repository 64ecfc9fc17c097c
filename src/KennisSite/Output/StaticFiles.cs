using KennisSite.Diagnostics;

namespace KennisSite.Output;

public static class StaticFiles
{
    /// <summary>templates/assets/** is published as assets/** (style sheet, scripts, icons).</summary>
    public static IEnumerable<OutputFile> FromTemplates(string templatesRoot)
    {
        var assets = Path.Combine(templatesRoot, "assets");
        if (!Directory.Exists(assets)) yield break;
        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(assets, file).Replace('\\', '/');
            if (Path.GetFileName(relative).StartsWith('.')) continue;
            yield return new OutputFile($"assets/{relative}", File.ReadAllBytes(file));
        }
    }

    public static void ReportCollisions(IEnumerable<OutputFile> files, DiagnosticBag diagnostics)
    {
        foreach (var group in files.GroupBy(f => f.Path, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            diagnostics.Error(DiagnosticCodes.DuplicateSlug,
                $"Twee bestanden van de site zouden op dezelfde plaats '{group.Key}' komen; hernoem een van beide.", null);
    }
}
