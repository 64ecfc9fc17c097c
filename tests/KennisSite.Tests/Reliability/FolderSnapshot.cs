using System.Text;

namespace KennisSite.Tests.Reliability;

/// <summary>
/// Every file and folder under a folder, as relative path (with '/') → bytes, so two builds can be compared byte for byte
/// and a failure names the first file that differs instead of dumping two dictionaries.
/// </summary>
public sealed class FolderSnapshot
{
    public string Folder { get; }

    /// <summary>A folder that does not exist gives an empty snapshot with Exists false.</summary>
    public bool Exists { get; }

    public IReadOnlyDictionary<string, byte[]> Files { get; }
    public IReadOnlySet<string> Directories { get; }

    private FolderSnapshot(string folder, bool exists, IReadOnlyDictionary<string, byte[]> files, IReadOnlySet<string> directories) =>
        (Folder, Exists, Files, Directories) = (folder, exists, files, directories);

    public static FolderSnapshot Take(string folder)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var directories = new SortedSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return new FolderSnapshot(folder, false, files, directories);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, entry).Replace('\\', '/');
            if (Directory.Exists(entry)) directories.Add(relative);
            else files[relative] = File.ReadAllBytes(entry);
        }
        return new FolderSnapshot(folder, true, files, directories);
    }

    public bool SameAs(FolderSnapshot other) => FirstDifference(other) is null;

    /// <summary>Null when <paramref name="actual"/> holds exactly the same files and folders with the same bytes; otherwise one readable paragraph.</summary>
    public string? FirstDifference(FolderSnapshot actual)
    {
        if (Exists != actual.Exists)
            return Exists ? $"{actual.Folder} does not exist (expected {Files.Count} files like {Folder})." : $"{actual.Folder} exists but should not.";
        var missing = Files.Keys.Where(p => !actual.Files.ContainsKey(p)).ToList();
        var extra = actual.Files.Keys.Where(p => !Files.ContainsKey(p)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            return $"{actual.Folder} has {actual.Files.Count} files, expected {Files.Count}." +
                   (missing.Count > 0 ? $" Missing: {List(missing)}." : "") +
                   (extra.Count > 0 ? $" Unexpected: {List(extra)}." : "");
        foreach (var (path, expected) in Files)
        {
            var found = actual.Files[path];
            if (expected.AsSpan().SequenceEqual(found)) continue;
            var at = expected.AsSpan().CommonPrefixLength(found);
            var (line, column) = LineAndColumn(expected, at);
            return $"'{path}' differs from byte {at} on (line {line}, column {column}; {expected.Length} bytes expected, {found.Length} found).\n" +
                   $"  expected: …{Excerpt(expected, at)}…\n" +
                   $"  actual:   …{Excerpt(found, at)}…\n" +
                   $"  ({Folder} vs {actual.Folder})";
        }
        var missingDirs = Directories.Except(actual.Directories).ToList();
        var extraDirs = actual.Directories.Except(Directories).ToList();
        if (missingDirs.Count > 0 || extraDirs.Count > 0)
            return $"{actual.Folder} has the same files but different folders." +
                   (missingDirs.Count > 0 ? $" Missing: {List(missingDirs)}." : "") +
                   (extraDirs.Count > 0 ? $" Unexpected: {List(extraDirs)}." : "");
        return null;
    }

    /// <summary>Fails with the first difference, prefixed by what was being compared.</summary>
    public void AssertSameAs(FolderSnapshot actual, string what)
    {
        if (FirstDifference(actual) is { } difference) Assert.Fail($"{what}: {difference}");
    }

    /// <summary>Restores the folder to this snapshot (used to start every interrupted build from the same previous site).</summary>
    public void WriteTo(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        foreach (var directory in Directories) Directory.CreateDirectory(Path.Combine(folder, directory));
        foreach (var (path, bytes) in Files) File.WriteAllBytes(Path.Combine(folder, path), bytes);
    }

    private static string List(List<string> paths) =>
        string.Join(", ", paths.Take(5).Select(p => $"'{p}'")) + (paths.Count > 5 ? $" and {paths.Count - 5} more" : "");

    private static (int Line, int Column) LineAndColumn(byte[] bytes, int offset)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
            if (bytes[i] == '\n') (line, lineStart) = (line + 1, i + 1);
        return (line, offset - lineStart + 1);
    }

    /// <summary>About 60 characters either side of the first difference, newlines shown as ⏎; binary files as hex.</summary>
    private static string Excerpt(byte[] bytes, int at)
    {
        var start = Math.Max(0, at - 60);
        var length = Math.Min(bytes.Length, at + 60) - start;
        var slice = bytes.AsSpan(start, Math.Max(0, length));
        if (slice.IndexOf((byte)0) >= 0) return Convert.ToHexString(slice);
        return Encoding.UTF8.GetString(slice).Replace("\n", "⏎");
    }
}
