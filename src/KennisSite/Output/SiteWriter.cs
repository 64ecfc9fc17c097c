using KennisSite.Diagnostics;

namespace KennisSite.Output;

/// <summary>
/// Writes the site into a fresh folder beside the output folder and swaps it in only when every file is written,
/// so a failed or interrupted build never leaves a half-written site behind. On Linux the swap is one atomic
/// exchange of the two folders; elsewhere two renames, with the old site put back by the next build if a kill
/// falls between them.
/// </summary>
public static class SiteWriter
{
    /// <param name="parallelism">How many files are written at once.</param>
    public static bool Write(string outputFolder, IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics, int parallelism = 1)
    {
        var full = Path.GetFullPath(outputFolder);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var staging = Path.Combine(parent, $".{name}.nieuw-{Environment.ProcessId}");
        var previous = Path.Combine(parent, $".{name}.vorige-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(parent);
            RestoreInterruptedSwap(parent, name, full);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            foreach (var folder in files.Select(f => Path.GetDirectoryName(Path.Combine(staging, f.Path))!).Distinct(StringComparer.Ordinal))
                Directory.CreateDirectory(folder);
            try
            {
                Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                    file => File.WriteAllBytes(Path.Combine(staging, file.Path), file.Content));
            }
            catch (AggregateException e)
            {
                // The first failure, as a sequential write would have met it, for the diagnostic below.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
            if (!Directory.Exists(full))
            {
                Directory.Move(staging, full);
            }
            else if (AtomicSwap.Exchange(staging, full))
            {
                // The old site now sits in the staging folder.
                Directory.Delete(staging, recursive: true);
            }
            else
            {
                Directory.Move(full, previous);
                Directory.Move(staging, full);
                Directory.Delete(previous, recursive: true);
            }
            CleanLeftovers(parent, name);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, $"De site kon niet geschreven worden naar '{outputFolder}': {e.Message}", null);
            if (!Directory.Exists(full) && Directory.Exists(previous)) Directory.Move(previous, full);
            try { if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true); } catch (IOException) { }
            return false;
        }
    }

    /// <summary>A build killed between its two renames leaves the previous site under its temporary name: put it back.</summary>
    private static void RestoreInterruptedSwap(string parent, string name, string full)
    {
        if (Directory.Exists(full)) return;
        var orphan = Directory.EnumerateDirectories(parent, $".{name}.vorige-*").Order(StringComparer.Ordinal).FirstOrDefault();
        if (orphan is not null) Directory.Move(orphan, full);
    }

    /// <summary>Staging folders of builds that were killed before they could clean up.</summary>
    private static void CleanLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
