namespace KennisSite.Diagnostics;

/// <summary>Collects every problem of a build so editors see them all at once. Safe to share between threads.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public void Error(string code, string message, SourceLocation? location) => Add(new(Severity.Error, code, message, location));

    public void Warning(string code, string message, SourceLocation? location) => Add(new(Severity.Warning, code, message, location));

    public void Add(Diagnostic diagnostic)
    {
        lock (_lock) _items.Add(diagnostic);
    }

    /// <summary>Everything collected so far, in the order it was reported.</summary>
    public IReadOnlyList<Diagnostic> Items
    {
        get { lock (_lock) return _items.ToList(); }
    }

    public bool HasErrors
    {
        get { lock (_lock) return _items.Any(d => d.Severity == Severity.Error); }
    }

    /// <summary>Sorted by file, line and column so the report does not depend on the order work was done in.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_lock)
        {
            return _items
                .Distinct()
                .OrderBy(d => d.Location?.Path ?? "", StringComparer.Ordinal)
                .ThenBy(d => d.Location?.Line ?? 0)
                .ThenBy(d => d.Location?.Column ?? 0)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
        }
    }
}
