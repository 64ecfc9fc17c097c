using System.Globalization;
using System.IO.Compression;

namespace KennisSite.Output;

/// <summary>The whole site as one zip to take along: unzip, open index.html, and search works without internet.</summary>
public static class OfflineZip
{
    // A fixed date keeps the zip byte-identical between builds of the same input.
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Create(IEnumerable<OutputFile> files, string folderName, CancellationToken cancel = default)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                cancel.ThrowIfCancellationRequested();
                var entry = zip.CreateEntry($"{folderName}/{file.Path}", CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var stream = entry.Open();
                stream.Write(file.Content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>"850 kB", "1,2 MB": how the size reads in Dutch.</summary>
    public static string SizeText(long bytes)
    {
        if (bytes < 1_000_000) return $"{Math.Max(1, (int)Math.Round(bytes / 1000.0)).ToString(CultureInfo.InvariantCulture)} kB";
        return (bytes / 1_000_000.0).ToString("0.0", NumberFormatInfo.InvariantInfo).Replace('.', ',') + " MB";
    }
}
