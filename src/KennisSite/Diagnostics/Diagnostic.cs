namespace KennisSite.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A place in a source file; line and column are 1-based, the path relative to the site root with '/' separators.</summary>
public sealed record SourceLocation(string Path, int Line = 0, int Column = 0)
{
    public override string ToString() =>
        Line > 0 ? $"{Path}({Line},{Math.Max(Column, 1)})" : Path;
}

/// <summary>One problem found in the site, written for editors.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location)
{
    /// <summary>The MSBuild canonical shape that editors' tools and CI log readers recognise.</summary>
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        return Location is null ? $"{kind} {Code}: {Message}" : $"{Location}: {kind} {Code}: {Message}";
    }
}
