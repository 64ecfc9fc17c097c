using KennisSite.Diagnostics;
using KennisSite.Yaml;

namespace KennisSite.Content;

/// <summary>The YAML block between '---' lines at the top of a Markdown file.</summary>
public static class FrontMatter
{
    public static YamlMap? Read(SourceFile file, DiagnosticBag diagnostics)
    {
        var lines = file.Text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing,
                "Het bestand moet beginnen met een blok gegevens tussen twee regels '---' (met minstens 'titel:').",
                new SourceLocation(file.Path, 1, 1));
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing,
                "Het gegevensblok bovenaan wordt niet afgesloten: zet een regel '---' onder de laatste sleutel.",
                new SourceLocation(file.Path, 1, 1));
            return null;
        }
        var yaml = string.Join('\n', lines[1..close]);
        return YamlText.ParseMapping(yaml, file.Path, firstLine: 2, diagnostics);
    }
}
