using KennisSite.Diagnostics;

namespace KennisSite.Output;

/// <summary>
/// Writes the site into a fresh folder beside the output folder and swaps it in only when every file is written,
/// so a failed or interrupted build never leaves a half-written site behind. On Linux the swap is one atomic
/// exchange of the two folders; elsewhere two renames, with the old site put back by the next build if a kill
/// falls between them.
/// </summary>
/// <remarks>
/// A build can write a file as soon as it is made (<see cref="Open"/>), so it need not keep it: the pages of a
/// large site are written while they are rendered. Nothing shows in the output folder before <see cref="Finish"/>.
/// </remarks>
public sealed class SiteWriter
{
    private readonly string _outputFolder; // as the user gave it, for messages
    private readonly string _full;
    private readonly string _parent;
    private readonly string _name;
    private readonly string _staging;
    private readonly string _previous;
    private readonly HashSet<OutputFile> _written = new(ReferenceEqualityComparer.Instance);
    private Exception? _failure;

    private SiteWriter(string outputFolder)
    {
        _outputFolder = outputFolder;
        _full = Path.GetFullPath(outputFolder);
        _parent = Path.GetDirectoryName(_full)!;
        _name = Path.GetFileName(_full);
        _staging = Path.Combine(_parent, $".{_name}.nieuw-{Environment.ProcessId}");
        _previous = Path.Combine(_parent, $".{_name}.vorige-{Environment.ProcessId}");
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
            Directory.CreateDirectory(writer._staging);
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
            foreach (var stray in _written.Where(f => !paths.Contains(f.Path))) File.Delete(Path.Combine(_staging, stray.Path));
            Swap(parallelism);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(diagnostics, e);
        }
    }

    /// <summary>The build will not be written after all: the staging folder goes, the old site stays.</summary>
    public void Abandon()
    {
        try { if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void WriteFile(string path, byte[] content) => File.WriteAllBytes(InStaging(path), content);

    private void WriteStreamed(OutputFile file)
    {
        using var stream = Create(file.Path);
        file.WriteTo(stream);
    }

    private FileStream Create(string path, int bufferSize = 1 << 16) => new(InStaging(path), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize);

    /// <summary>Where a file of the site goes in the staging folder, with its folder made.</summary>
    private string InStaging(string path)
    {
        var full = Path.Combine(_staging, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
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
            DeleteTree(_staging, parallelism);
        }
        else
        {
            Directory.Move(_full, _previous);
            Directory.Move(_staging, _full);
            DeleteTree(_previous, parallelism);
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
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
