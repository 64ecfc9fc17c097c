using KennisSite.Diagnostics;
using KennisSite.Yaml;

namespace KennisSite.Content;

/// <summary>The YAML block between '---' lines at the top of a Markdown file.</summary>
public static class FrontMatter
{
    public static YamlMap? Read(SourceFile file, DiagnosticBag diagnostics)
    {
        // Only the lines up to the closing '---' are looked at: a cahier's body is tens of kilobytes.
        var text = file.Text;
        var firstEnd = LineEnd(text, 0);
        if (text.AsSpan(0, firstEnd).TrimEnd() is not "---")
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing,
                "Het bestand moet beginnen met een blok gegevens tussen twee regels '---' (met minstens 'titel:').",
                new SourceLocation(file.Path, 1, 1));
            return null;
        }
        string? yaml = null;
        for (int lineStart = firstEnd + 1, lineEnd; lineStart <= text.Length && yaml is null; lineStart = lineEnd + 1)
        {
            lineEnd = LineEnd(text, lineStart);
            if (text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd() is "---" or "...")
                yaml = lineStart == firstEnd + 1 ? "" : text[(firstEnd + 1)..(lineStart - 1)];
        }
        if (yaml is null)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing,
                "Het gegevensblok bovenaan wordt niet afgesloten: zet een regel '---' onder de laatste sleutel.",
                new SourceLocation(file.Path, 1, 1));
            return null;
        }
        return YamlText.ParseMapping(yaml, file.Path, firstLine: 2, diagnostics);
    }

    private static int LineEnd(string text, int start)
    {
        var newline = text.IndexOf('\n', start);
        return newline < 0 ? text.Length : newline;
    }
}
