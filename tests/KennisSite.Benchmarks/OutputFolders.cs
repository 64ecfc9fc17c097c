using System.Diagnostics;

namespace KennisSite.Benchmarks;

/// <summary>
/// Empties an output folder before a run without the run paying for it later.
/// </summary>
/// <remarks>
/// On ext4 without a journal (this machine's disk) a new inode skips, one lookup each, every inode freed in the last
/// one to six minutes: right after a large site's 42,000 files and folders were removed, writing as many new ones
/// took seconds more, for Hugo as for KennisSite, and more with every run (docs/snelheid.md, "Wat nog weegt"). So on a
/// disk the previous output is moved aside and removed only when all runs are done. On tmpfs that cost does not
/// exist, and moved-aside sites would fill the memory, so there it is removed at once. Before every run, `sync` writes
/// out what the runs before it left in the page cache, so that the kernel's writeback does not take processor time
/// from the run being measured.
/// </remarks>
internal sealed class OutputFolders(string work)
{
    private readonly bool _removeAtOnce = MachineInfo.FileSystemOf(work) == "tmpfs";
    private readonly string _aside = Path.Combine(work, "opzij");

    /// <summary>How the report describes it.</summary>
    public string Description => _removeAtOnce
        ? "de vorige uitvoer wordt buiten de tijd gewist"
        : "de vorige uitvoer wordt buiten de tijd opzij gezet en pas na alle runs gewist";

    /// <summary>Empties the folder, and takes KennisSite's reserve beside it too: a cold build starts from nothing.</summary>
    public void Empty(string folder)
    {
        foreach (var gone in new[] { folder, KennisSite.Output.SiteWriter.ReserveOf(folder) })
        {
            if (!Directory.Exists(gone)) continue;
            if (_removeAtOnce) Directory.Delete(gone, recursive: true);
            else Directory.Move(gone, Path.Combine(Directory.CreateDirectory(_aside).FullName, Guid.NewGuid().ToString("N")));
        }
        Sync();
    }

    /// <summary>Removes what was moved aside; called once no run is measured any more.</summary>
    public void RemoveAside()
    {
        if (Directory.Exists(_aside)) Directory.Delete(_aside, recursive: true);
    }

    /// <summary>Writes out the page cache, so that the kernel's writeback of earlier runs does not fall in the next one.</summary>
    public static void Sync()
    {
        try
        {
            using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sync on this system (Windows): nothing to write out this way.
        }
    }
}
