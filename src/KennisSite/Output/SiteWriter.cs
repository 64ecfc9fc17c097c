using System.IO.Enumeration;
using KennisSite.Diagnostics;

namespace KennisSite.Output;

/// <summary>
/// Writes the site into a folder beside the output folder (a new one, or the reserve) and swaps it in only when every file is written,
/// so a failed or interrupted build never leaves a half-written site behind. On Linux the swap is one atomic
/// exchange of the two folders; elsewhere two renames, with the old site put back by the next build if a kill
/// falls between them.
/// </summary>
/// <remarks>
/// <para>
/// A build can write a file as soon as it is made (<see cref="Open"/>), so it need not keep it: the pages of a
/// large site are written while they are rendered. Nothing shows in the output folder before <see cref="Finish"/>.
/// </para>
/// <para>
/// The site that is swapped out is not removed but kept beside the output folder as the reserve
/// (<c>.name.reserve</c>), and the next build writes over its files in place instead of making new ones. Writing
/// over a file that is already there is a tenth of the work of making it on ext4, and nothing needs removing: on this
/// machine's disk a rebuild of the site of 20,000 cards took 18–21 s, where a build into an empty folder took 11 s,
/// and over the reserve it takes 9.7 s (docs/snelheid.md). What the new site does not have is removed from the
/// reserve before the swap, so the result is the same as in a fresh folder. The reserve may be removed at any time;
/// the next build then starts from nothing.
/// </para>
/// </remarks>
public sealed class SiteWriter
{
    private readonly string _outputFolder; // as the user gave it, for messages
    private readonly string _full;
    private readonly string _parent;
    private readonly string _name;
    private readonly string _staging;
    private readonly string _previous;
    private readonly string _reserve;
    private bool _recycled; // the staging folder is the reserve: its files are written over and what is left is removed
    private readonly HashSet<OutputFile> _written = new(ReferenceEqualityComparer.Instance);
    private Exception? _failure;

    private SiteWriter(string outputFolder)
    {
        _outputFolder = outputFolder;
        _full = FolderWritten(outputFolder);
        _parent = Path.GetDirectoryName(_full)!;
        _name = Path.GetFileName(_full);
        _staging = Path.Combine(_parent, $".{_name}.nieuw-{Environment.ProcessId}");
        _previous = Path.Combine(_parent, $".{_name}.vorige-{Environment.ProcessId}");
        _reserve = ReserveBeside(_full);
    }

    /// <summary>Where the site a build of <paramref name="outputFolder"/> replaces is kept for the next build.</summary>
    public static string ReserveOf(string outputFolder) => ReserveBeside(FolderWritten(outputFolder));

    private static string ReserveBeside(string folderWritten) =>
        Path.Combine(Path.GetDirectoryName(folderWritten)!, $".{Path.GetFileName(folderWritten)}.reserve");

    /// <summary>
    /// The folder the site replaces: the output folder, or where it points if it is a link (to a web server's folder,
    /// say), so that the link stays. Swapped itself, the link would end up as the reserve and be written through.
    /// </summary>
    public static string FolderWritten(string outputFolder)
    {
        var full = Path.GetFullPath(outputFolder);
        return new DirectoryInfo(full).LinkTarget is not null && Directory.ResolveLinkTarget(full, returnFinalTarget: true) is { } target
            ? target.FullName
            : full;
    }

    /// <summary>Where pages written now wait, deflated, for the offline zip; null when no such file could be made.</summary>
    internal DeflatedSpill? Spill { get; private set; }

    /// <summary>A writer with an empty staging folder; if that cannot be made, <see cref="Finish"/> reports why.</summary>
    public static SiteWriter Start(string outputFolder)
    {
        var writer = new SiteWriter(outputFolder);
        try
        {
            Directory.CreateDirectory(writer._parent);
            writer.RestoreInterruptedSwap();
            if (Directory.Exists(writer._staging)) Directory.Delete(writer._staging, recursive: true);
            writer._recycled = writer.TakeReserve();
            if (!writer._recycled) Directory.CreateDirectory(writer._staging);
            writer.Spill = DeflatedSpill.Create(writer._parent, $".{writer._name}.zipdelen-{Environment.ProcessId}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            writer._failure = e;
        }
        return writer;
    }

    /// <summary>
    /// A file to write into the staging folder now, as it is made (from any thread); <see cref="Finish"/> will not write
    /// it again. A failure is kept for <see cref="Finish"/> to report, as if it had happened there.
    /// </summary>
    internal StagedFile Open(string path)
    {
        FileStream? file = null;
        if (Volatile.Read(ref _failure) is null)
        {
            try
            {
                file = Create(path, bufferSize: 0); // what comes in is buffered already (Utf8StreamWriter, pieces of the index)
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(e);
            }
        }
        return new StagedFile(path, this, file);
    }

    internal void Fail(Exception e) => Interlocked.CompareExchange(ref _failure, e, null);

    internal void Written(OutputFile file)
    {
        lock (_written) _written.Add(file);
    }

    /// <summary>
    /// Writes the files not written yet, swaps the new site in and removes the old one; false (with a diagnostic) when
    /// that failed and the old site is kept.
    /// </summary>
    /// <param name="parallelism">How many files are written at once.</param>
    public bool Finish(IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics, int parallelism = 1)
    {
        if (_failure is not null) return Failed(diagnostics, _failure);
        try
        {
            var rest = files.Where(f => !_written.Contains(f)).ToList();
            try
            {
                Parallel.ForEach(rest, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, file =>
                {
                    if (file.IsStreamed) WriteStreamed(file);
                    else WriteFile(file.Path, file.Content);
                });
            }
            catch (AggregateException e)
            {
                // The first failure, as a sequential write would have met it, for the diagnostic below.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
            // A page written early and then made again (the two that show the zip's size) is overwritten above; one
            // that is not in the final list at all would be a stray file.
            var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            if (_recycled) RemoveAllBut(paths, parallelism);
            else foreach (var stray in _written.Where(f => !paths.Contains(f.Path))) File.Delete(Path.Combine(_staging, stray.Path));
            Swap(parallelism);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(diagnostics, e);
        }
    }

    /// <summary>The build will not be written after all: the staging folder goes (back to the reserve, if it came from there), the old site stays.</summary>
    public void Abandon()
    {
        try
        {
            if (!Directory.Exists(_staging)) return;
            if (_recycled) Keep(_staging, parallelism: 1);
            else Directory.Delete(_staging, recursive: true);
        }
        catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void WriteFile(string path, byte[] content)
    {
        // Disposed also when writing fails; Close has disposed it already when it does not.
        using var stream = Create(path, bufferSize: 0);
        stream.Write(content);
        Close(stream);
    }

    private void WriteStreamed(OutputFile file)
    {
        using var stream = Create(file.Path);
        file.WriteTo(stream);
        Close(stream);
    }

    /// <summary>A file of the site in the staging folder, with its folder made; in the reserve, the file that is there already.</summary>
    /// <remarks>
    /// Never truncated when it is opened, not even a new, empty file (which <see cref="FileMode.Create"/> does): ext4
    /// takes a file truncated to nothing for one being replaced, and when it is closed, allocates its blocks and starts
    /// writing it to disk right away, in the thread that closes it. A file that is already there keeps its blocks, and
    /// what is left of a longer old version is cut off in <see cref="Close"/>.
    /// </remarks>
    private FileStream Create(string path, int bufferSize = 1 << 16)
    {
        var full = Path.Combine(_staging, path);
        FileStream Open()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, bufferSize);
        }
        try
        {
            return Open();
        }
        catch (Exception e) when (_recycled && e is IOException or UnauthorizedAccessException)
        {
            ClearWayFor(path);
            return Open();
        }
    }

    /// <summary>Closes a file made by <see cref="Create"/>; one written over loses what its old version had beyond the new end.</summary>
    internal void Close(FileStream stream)
    {
        try
        {
            stream.Flush();
            if (stream.Length > stream.Position) stream.SetLength(stream.Position);
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>The reserve had a folder where the new site has a file, or a file where it has a folder: they go.</summary>
    private void ClearWayFor(string path)
    {
        var full = Path.Combine(_staging, path);
        if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            var folder = Path.Combine(_staging, path[..slash]);
            if (File.Exists(folder)) File.Delete(folder);
        }
    }

    /// <summary>The reserve becomes the staging folder; false when there is none (or another build took it first).</summary>
    private bool TakeReserve()
    {
        try
        {
            Directory.Move(_reserve, _staging);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Keeps a site that was swapped out (or a staging folder that was not used) as the reserve, or removes it when there is one already.</summary>
    private void Keep(string folder, int parallelism)
    {
        if (!Directory.Exists(_reserve))
        {
            try
            {
                Directory.Move(folder, _reserve);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Made by another build in the meantime, or not to be moved: this one goes.
            }
        }
        DeleteTree(folder, parallelism);
    }

    /// <summary>
    /// Removes from the recycled staging folder every file and folder that is not part of the new site: what the
    /// reserve's site had and this one has not (a card that was removed, a page the editor put there by hand).
    /// </summary>
    private void RemoveAllBut(HashSet<string> files, int parallelism)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
            for (var slash = file.LastIndexOf('/'); slash > 0; slash = file.LastIndexOf('/', slash - 1))
                if (!folders.Add(file[..slash])) break; // and so are the folders above it
        RemoveAllBut(_staging, "", files, folders, parallelism);
    }

    private static void RemoveAllBut(string folder, string prefix, HashSet<string> files, HashSet<string> folders, int parallelism)
    {
        // A link counts as a file: it is removed, never followed.
        var entries = new FileSystemEnumerable<(string Name, bool IsFolder)>(folder,
            (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }).ToList();
        // praktijkvoorbeelden/ holds a folder per card: 20,000 of them on a large site, each read on its own.
        Parallel.ForEach(entries, new ParallelOptions { MaxDegreeOfParallelism = entries.Count > 64 ? parallelism : 1 }, entry =>
        {
            var relative = prefix + entry.Name;
            var full = Path.Combine(folder, entry.Name);
            if (!entry.IsFolder)
            {
                if (!files.Contains(relative)) File.Delete(full);
            }
            else if (folders.Contains(relative)) RemoveAllBut(full, relative + "/", files, folders, parallelism);
            else Directory.Delete(full, recursive: true);
        });
    }

    private void Swap(int parallelism)
    {
        if (!Directory.Exists(_full))
        {
            Directory.Move(_staging, _full);
        }
        else if (AtomicSwap.Exchange(_staging, _full))
        {
            // The old site now sits in the staging folder.
            Keep(_staging, parallelism);
        }
        else
        {
            Directory.Move(_full, _previous);
            Directory.Move(_staging, _full);
            Keep(_previous, parallelism);
        }
        CleanLeftovers();
    }

    /// <summary>
    /// Removing the previous site of 21,000 pages took 10 s on one thread, longer than writing the new one: its files
    /// are deleted side by side first.
    /// </summary>
    private static void DeleteTree(string folder, int parallelism)
    {
        Parallel.ForEach(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            File.Delete);
        Directory.Delete(folder, recursive: true);
    }

    private bool Failed(DiagnosticBag diagnostics, Exception e)
    {
        diagnostics.Error(DiagnosticCodes.OutputWriteFailed, $"De site kon niet geschreven worden naar '{_outputFolder}': {e.Message}", null);
        if (!Directory.Exists(_full) && Directory.Exists(_previous)) Directory.Move(_previous, _full);
        Abandon();
        return false;
    }

    /// <summary>A build killed between its two renames leaves the previous site under its temporary name: put it back.</summary>
    private void RestoreInterruptedSwap()
    {
        if (Directory.Exists(_full)) return;
        var orphan = Directory.EnumerateDirectories(_parent, $".{_name}.vorige-*").Order(StringComparer.Ordinal).FirstOrDefault();
        if (orphan is not null) Directory.Move(orphan, _full);
    }

    /// <summary>Staging folders of builds that were killed before they could clean up.</summary>
    private void CleanLeftovers()
    {
        foreach (var dir in Directory.EnumerateDirectories(_parent, $".{_name}.*"))
        {
            if (dir == _reserve) continue;
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
