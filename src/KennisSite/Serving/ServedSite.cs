using KennisSite.Diagnostics;
using KennisSite.Output;

namespace KennisSite.Serving;

/// <summary>
/// The site `serve` answers with, in memory: the last good build, with pages replaced as a rebuild renders them, and the
/// errors of the last build when it failed. Requests read it while the rebuild loop writes it.
/// </summary>
internal sealed class ServedSite
{
    private readonly Lock _lock = new();
    private Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private IReadOnlyList<Diagnostic> _errors = [];

    public bool HasBuilt { get; private set; }

    public byte[]? File(string path)
    {
        lock (_lock) return _files.GetValueOrDefault(path);
    }

    public bool Exists(string path)
    {
        lock (_lock) return _files.ContainsKey(path);
    }

    public IReadOnlyList<Diagnostic> Errors
    {
        get { lock (_lock) return _errors; }
    }

    /// <summary>Pages rendered before the rest of the build is done, so an open page comes back at once.</summary>
    public void Update(IEnumerable<OutputFile> pages)
    {
        lock (_lock)
            foreach (var page in pages) _files[page.Path] = page.Content;
    }

    /// <summary>A finished good build; returns the paths whose content differs from what was served.</summary>
    public IReadOnlySet<string> Replace(IReadOnlyList<OutputFile> files)
    {
        var next = files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        lock (_lock)
        {
            var changed = next.Where(f => !_files.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value)).Select(f => f.Key)
                .Concat(_files.Keys.Where(p => !next.ContainsKey(p)))
                .ToHashSet(StringComparer.Ordinal);
            _files = next;
            _errors = [];
            HasBuilt = true;
            return changed;
        }
    }

    public void Fail(IReadOnlyList<Diagnostic> diagnostics)
    {
        lock (_lock) _errors = diagnostics;
    }

    /// <summary>Every file, for comparing with a full build.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot()
    {
        lock (_lock) return new Dictionary<string, byte[]>(_files, StringComparer.Ordinal);
    }
}
