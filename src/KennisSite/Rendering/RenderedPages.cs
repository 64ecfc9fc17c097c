namespace KennisSite.Rendering;

/// <summary>
/// Pages rendered by earlier builds, by output path, with the fingerprint of their model and the versions of the templates
/// they used. `serve` renders a page again only when one of those differs.
/// </summary>
public sealed class RenderedPages
{
    private sealed record Entry(UInt128 Model, IReadOnlyList<(string Template, UInt128 Version)> Templates, byte[] Html);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private readonly HashSet<string> _rendered = new(StringComparer.Ordinal);

    /// <summary>Output paths of the pages the last build rendered (the others it reused).</summary>
    public IReadOnlySet<string> RenderedPaths
    {
        get { lock (_lock) return _rendered.ToHashSet(StringComparer.Ordinal); }
    }

    /// <summary>Pages rendered and pages reused by the last build.</summary>
    public int Rendered { get; private set; }
    public int Reused { get; private set; }

    internal byte[]? Find(string outputPath, UInt128 model, TemplateSet templates)
    {
        lock (_lock)
        {
            _seen.Add(outputPath);
            if (!_entries.TryGetValue(outputPath, out var entry) || entry.Model != model) return null;
            foreach (var (template, version) in entry.Templates)
                if (templates.VersionOf(template) != version) return null;
            Reused++;
            return entry.Html;
        }
    }

    /// <returns>Whether the HTML differs from what the last build had at this path.</returns>
    internal bool Keep(string outputPath, UInt128 model, IReadOnlyList<string> templatesUsed, byte[] html, TemplateSet templates)
    {
        var entry = new Entry(model, templatesUsed.Select(t => (t, templates.VersionOf(t))).ToList(), html);
        lock (_lock)
        {
            _seen.Add(outputPath);
            var changed = !_entries.TryGetValue(outputPath, out var before) || !before.Html.AsSpan().SequenceEqual(html);
            _entries[outputPath] = entry;
            _rendered.Add(outputPath);
            Rendered++;
            return changed;
        }
    }

    /// <summary>Forgets pages the last build did not make, and starts counting afresh.</summary>
    internal void StartBuild()
    {
        if (_seen.Count > 0)
            foreach (var path in _entries.Keys.Where(p => !_seen.Contains(p)).ToList()) _entries.Remove(path);
        _seen = new HashSet<string>(StringComparer.Ordinal);
        _rendered.Clear();
        Rendered = Reused = 0;
    }
}
