namespace KennisSite.Serving;

/// <summary>
/// Watches content/, templates/ and site.yml, and calls back once things have been quiet for a moment: a git checkout
/// of fifty files is one change, not fifty. Editors' swap and backup files (".x.swp", "x~") are not changes.
/// </summary>
internal sealed class ChangeWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _quiet;
    private readonly TimeSpan _quietPeriod;
    private readonly string _root;

    public ChangeWatcher(string siteRoot, TimeSpan quietPeriod, Action changed)
    {
        _root = Path.GetFullPath(siteRoot);
        _quietPeriod = quietPeriod;
        _quiet = new Timer(_ => changed());
        _watcher = new FileSystemWatcher(_root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Changed += (_, e) => Seen(e.FullPath);
        _watcher.Created += (_, e) => Seen(e.FullPath);
        _watcher.Deleted += (_, e) => Seen(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Seen(e.OldFullPath);
            Seen(e.FullPath);
        };
        // Too many changes at once to list: rebuild anyway, the build reads everything again.
        _watcher.Error += (_, _) => Restart();
        _watcher.EnableRaisingEvents = true;
    }

    public static bool Matters(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        if (parts.Any(p => p.StartsWith('.') || p.EndsWith('~'))) return false;
        return parts is ["site.yml"] || parts.Length > 1 && parts[0] is Content.ContentLoader.ContentFolder or Rendering.TemplateSet.Folder;
    }

    private void Seen(string fullPath)
    {
        if (Matters(Path.GetRelativePath(_root, fullPath))) Restart();
    }

    private void Restart() => _quiet.Change(_quietPeriod, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher.Dispose();
        _quiet.Dispose();
    }
}
