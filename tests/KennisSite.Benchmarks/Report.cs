using System.Globalization;
using System.Text;

namespace KennisSite.Benchmarks;

/// <summary>The figures of one benchmark run, in sections, printed as a plain table and written as Markdown for the README.</summary>
public sealed class Report(string title)
{
    private readonly List<(string Section, string Name, string Value, string Note)> _rows = [];
    private readonly List<string> _notes = [];
    private string _section = "";

    public void Section(string name) => _section = name;

    public void Add(string name, string value, string note = "") => _rows.Add((_section, name, value, note));

    /// <summary>A remark printed under the tables (what was not measured and why, how to read a figure).</summary>
    public void Note(string text) => _notes.Add(text);

    public string ToText()
    {
        var nameWidth = Math.Max(10, _rows.Max(r => r.Name.Length));
        var valueWidth = Math.Max(8, _rows.Max(r => r.Value.Length));
        var text = new StringBuilder().Append(title).Append('\n').Append('=', title.Length).Append('\n');
        foreach (var group in _rows.GroupBy(r => r.Section))
        {
            text.Append('\n').Append(group.Key).Append('\n').Append('-', group.Key.Length).Append('\n');
            foreach (var row in group)
            {
                text.Append("  ").Append(row.Name.PadRight(nameWidth)).Append("  ").Append(row.Value.PadLeft(valueWidth));
                if (row.Note.Length > 0) text.Append("  ").Append(row.Note);
                text.Append('\n');
            }
        }
        if (_notes.Count > 0)
        {
            text.Append('\n');
            foreach (var note in _notes) text.Append("* ").Append(note).Append('\n');
        }
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder("### ").Append(title).Append('\n');
        foreach (var group in _rows.GroupBy(r => r.Section))
        {
            md.Append("\n**").Append(Cell(group.Key)).Append("**\n\n| meting | waarde | toelichting |\n| --- | ---: | --- |\n");
            foreach (var row in group) md.Append("| ").Append(Cell(row.Name)).Append(" | ").Append(Cell(row.Value)).Append(" | ").Append(Cell(row.Note)).Append(" |\n");
        }
        if (_notes.Count > 0)
        {
            md.Append('\n');
            foreach (var note in _notes) md.Append("- ").Append(note).Append('\n');
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.00} MiB ({bytes:N0} B)"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB ({bytes:N0} B)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} B"),
    };

    public static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:N0} ms");

    public static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x");

    public static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Runs(IReadOnlyList<double> ms) =>
        "runs: " + string.Join(", ", ms.Select(m => m.ToString("0", CultureInfo.InvariantCulture)));

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
