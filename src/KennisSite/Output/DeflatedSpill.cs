using Microsoft.Win32.SafeHandles;

namespace KennisSite.Output;

/// <summary>
/// A file beside the output folder that holds the deflated pages until the offline zip is written: on a site of 20,000
/// cards they are 300 MB that the build otherwise keeps in memory from the first page to the last.
/// </summary>
/// <remarks>
/// The file has no name in its folder (on Windows: until the build ends), so a killed build leaves nothing behind. It
/// lives as long as the deflated files that point into it, which a <see cref="BuildResult"/> can still read after the
/// build; its handle is closed when they are all gone. When the disk refuses a write, files are kept in memory as before.
/// </remarks>
internal sealed class DeflatedSpill
{
    private readonly SafeFileHandle _file;
    private long _end;
    private volatile bool _failed;

    private DeflatedSpill(SafeFileHandle file) => _file = file;

    /// <summary>A spill file in the folder, or null when one cannot be made there.</summary>
    public static DeflatedSpill? Create(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        try
        {
            // Not FileMode.Create: ext4 would write a file truncated to nothing to disk when it is closed (see SiteWriter.Create).
            if (File.Exists(path)) File.Delete(path);
            var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, FileOptions.DeleteOnClose);
            if (!OperatingSystem.IsWindows()) File.Delete(path);
            return new DeflatedSpill(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the pieces, one after the other, at the end of the file (from any thread); false when they must stay in memory.</summary>
    public bool TryAppend(IReadOnlyList<ReadOnlyMemory<byte>> pieces, out long offset)
    {
        long length = 0;
        foreach (var piece in pieces) length += piece.Length;
        offset = Interlocked.Add(ref _end, length) - length;
        if (_failed) return false;
        try
        {
            RandomAccess.Write(_file, pieces, offset);
            return true;
        }
        catch (IOException)
        {
            _failed = true;
            return false;
        }
    }

    public void Read(long offset, Span<byte> into)
    {
        while (into.Length > 0)
        {
            var read = RandomAccess.Read(_file, into, offset);
            if (read == 0) throw new IOException("Het tijdelijke bestand met de gecomprimeerde pagina's is korter dan verwacht.");
            into = into[read..];
            offset += read;
        }
    }
}
