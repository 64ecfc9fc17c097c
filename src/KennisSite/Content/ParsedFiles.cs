using KennisSite.Configuration;
using KennisSite.Diagnostics;
using KennisSite.Markdown;

namespace KennisSite.Content;

/// <summary>
/// What reading each editor's file gave, kept by `serve` between builds so an unchanged file is not parsed again.
/// Valid for one site.yml only: the functions and theme groups decide what a file means.
/// </summary>
/// <param name="keep">
/// False for a one-off build, which reads each file once: kept, the texts of a site of 20,000 cards and 1,000 cahiers
/// were 0.2 GB held to the end of the build for nothing.
/// </param>
public sealed class ParsedFiles(bool keep = true)
{
    private sealed record Entry(string Text, object? Result, IReadOnlyList<Diagnostic> Diagnostics);

    private sealed record Text(long Length, DateTime Written, SourceFile? File, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Text> _texts = new(StringComparer.Ordinal);
    private HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Files the last load parsed, as opposed to taking them from this cache.</summary>
    public int Parsed { get; private set; }

    /// <summary>A file's text; read again only when its size or modification time changed.</summary>
    internal SourceFile? ReadText(string fullPath, string relative, DiagnosticBag diagnostics)
    {
        var info = new FileInfo(fullPath);
        Text? text;
        lock (_lock)
        {
            _seen.Add(relative);
            _texts.TryGetValue(relative, out text);
        }
        if (text is null || !info.Exists || text.Length != info.Length || text.Written != info.LastWriteTimeUtc)
        {
            var own = new DiagnosticBag();
            var read = Input.SourceText.Read(fullPath, relative, own);
            text = new Text(info.Exists ? info.Length : -1, info.Exists ? info.LastWriteTimeUtc : default, read is null ? null : new SourceFile(relative, read), own.Items);
            if (keep) lock (_lock) _texts[relative] = text;
        }
        foreach (var diagnostic in text.Diagnostics) diagnostics.Add(diagnostic);
        return text.File;
    }

    internal T? Read<T>(SourceFile file, SiteConfig config, MarkdownParser markdown, DiagnosticBag diagnostics, Func<DocumentReader, T?> read)
    {
        Entry? entry;
        lock (_lock)
        {
            _seen.Add(file.Path);
            _entries.TryGetValue(file.Path, out entry);
        }
        if (entry is null || !string.Equals(entry.Text, file.Text, StringComparison.Ordinal))
        {
            var own = new DiagnosticBag();
            entry = new Entry(file.Text, read(new DocumentReader(config, markdown, own)), own.Items);
            lock (_lock)
            {
                if (keep) _entries[file.Path] = entry;
                Parsed++;
            }
        }
        foreach (var diagnostic in entry.Diagnostics) diagnostics.Add(diagnostic);
        return (T?)entry.Result;
    }

    internal void StartLoad()
    {
        _seen = new HashSet<string>(StringComparer.Ordinal);
        Parsed = 0;
    }

    /// <summary>Forgets the files this load did not meet (deleted or renamed), so the cache stays the size of the site.</summary>
    internal void ForgetUnseen()
    {
        foreach (var path in _entries.Keys.Where(p => !_seen.Contains(p)).ToList()) _entries.Remove(path);
        foreach (var path in _texts.Keys.Where(p => !_seen.Contains(p)).ToList()) _texts.Remove(path);
    }
}
