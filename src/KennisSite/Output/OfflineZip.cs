using System.Globalization;
using System.Text;

namespace KennisSite.Output;

/// <summary>
/// The whole site as one zip to take along: unzip, open index.html, and search works without internet.
/// Written here rather than with ZipArchive so that each file is compressed once, on all processors, and kept: the
/// zip is made again after the pages that show its size change, and `serve` makes it after every edit, while almost
/// every file is the same array of bytes as the time before.
/// </summary>
public sealed class OfflineZip
{
    // A fixed date (2000-01-01 00:00, in DOS form) keeps the zip byte-identical between builds of the same input.
    private const ushort DosTime = 0;
    private const ushort DosDate = (2000 - 1980) << 9 | 1 << 5 | 1;
    private const ushort Utf8Names = 1 << 11;
    private const ushort Deflated = 8;
    private const ushort Version = 20;
    // The fixed part of each header that Header writes; the file's name follows it.
    private const int LocalHeaderSize = 30;
    private const int CentralHeaderSize = 46;

    /// <summary>A file in the zip; Source is the array it was compressed from, to know it again in the next zip.</summary>
    internal sealed record Entry(byte[]? Source, DeflatedContent Deflated);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Lets go of the compressed files, when no later zip will reuse them.</summary>
    public void Forget()
    {
        lock (_entries) _entries.Clear();
    }

    /// <summary>
    /// The zip of these files under one folder, ready to be written; files compressed by an earlier call are not
    /// compressed again. Null when the site is too large for a zip without ZIP64 (65,535 files, 4 GB).
    /// </summary>
    public Plan? Prepare(IReadOnlyCollection<OutputFile> files, string folderName, int parallelism, CancellationToken cancel = default)
    {
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var entries = new Entry[ordered.Length];
        Parallel.For(0, ordered.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancel }, i =>
        {
            var file = ordered[i];
            if (file.Deflated is { } deflated)
            {
                entries[i] = new Entry(null, deflated);
                return;
            }
            Entry? kept;
            lock (_entries) _entries.TryGetValue(file.Path, out kept);
            entries[i] = kept is not null && ReferenceEquals(kept.Source, file.Content) ? kept : new Entry(file.Content, DeflatedContent.Of(file.Content));
        });
        lock (_entries)
        {
            _entries.Clear();
            for (var i = 0; i < ordered.Length; i++) _entries[ordered[i].Path] = entries[i];
        }

        var names = ordered.Select(f => Encoding.UTF8.GetBytes($"{folderName}/{f.Path}")).ToArray();
        var size = 22L;
        for (var i = 0; i < ordered.Length; i++) size += LocalHeaderSize + CentralHeaderSize + 2L * names[i].Length + entries[i].Deflated.Size;
        return ordered.Length > ushort.MaxValue || size > uint.MaxValue ? null : new Plan(entries, names, size);
    }

    /// <summary>
    /// A zip whose size is known before its bytes exist: the pages that show the size are made again until it is
    /// right, and only then is the zip (hundreds of megabytes on a large site) written, once.
    /// </summary>
    public sealed class Plan
    {
        private readonly Entry[] _entries;
        private readonly byte[][] _names;

        internal Plan(Entry[] entries, byte[][] names, long size)
        {
            _entries = entries;
            _names = names;
            Size = size;
        }

        public long Size { get; }

        /// <summary>Writes the zip, <see cref="Size"/> bytes, straight to its file: on a large site it is hundreds of megabytes.</summary>
        public void WriteTo(Stream stream)
        {
            using var zip = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true); // little-endian, as zip wants
            var offsets = new uint[_entries.Length];
            var position = 0u;
            for (var i = 0; i < _entries.Length; i++)
            {
                offsets[i] = position;
                Header(zip, 0x04034b50, central: false, _names[i], _entries[i], 0);
                _entries[i].Deflated.WriteTo(stream); // BinaryWriter keeps nothing back: the header is in the stream already
                position += (uint)(LocalHeaderSize + _names[i].Length + _entries[i].Deflated.Size);
            }
            var directory = position;
            var directorySize = 0u;
            for (var i = 0; i < _entries.Length; i++)
            {
                Header(zip, 0x02014b50, central: true, _names[i], _entries[i], offsets[i]);
                directorySize += (uint)(CentralHeaderSize + _names[i].Length);
            }
            zip.Write(0x06054b50u);
            zip.Write((ushort)0); // this disk
            zip.Write((ushort)0); // disk with the directory
            zip.Write((ushort)_entries.Length);
            zip.Write((ushort)_entries.Length);
            zip.Write(directorySize);
            zip.Write(directory);
            zip.Write((ushort)0); // comment
            zip.Flush();
        }
    }

    /// <summary>A local file header (before the data) or a central directory header (at the end), as PKWARE's APPNOTE lays them out.</summary>
    private static void Header(BinaryWriter zip, uint signature, bool central, byte[] name, Entry entry, uint offset)
    {
        zip.Write(signature);
        if (central) zip.Write(Version); // made by
        zip.Write(Version);
        zip.Write(Utf8Names);
        zip.Write(Deflated);
        zip.Write(DosTime);
        zip.Write(DosDate);
        zip.Write(entry.Deflated.Crc);
        zip.Write((uint)entry.Deflated.Size);
        zip.Write((uint)entry.Deflated.Length);
        zip.Write((ushort)name.Length);
        zip.Write((ushort)0); // extra field
        if (central)
        {
            zip.Write((ushort)0); // comment
            zip.Write((ushort)0); // disk
            zip.Write((ushort)0); // internal attributes
            zip.Write(0u); // external attributes
            zip.Write(offset);
        }
        zip.Write(name);
    }

    /// <summary>"850 kB", "1,2 MB": how the size reads in Dutch.</summary>
    public static string SizeText(long bytes)
    {
        if (bytes < 1_000_000) return $"{Math.Max(1, (int)Math.Round(bytes / 1000.0)).ToString(CultureInfo.InvariantCulture)} kB";
        return (bytes / 1_000_000.0).ToString("0.0", NumberFormatInfo.InvariantInfo).Replace('.', ',') + " MB";
    }
}
