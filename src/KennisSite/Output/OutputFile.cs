using System.Buffers;
using System.IO.Compression;
using System.IO.Hashing;

namespace KennisSite.Output;

/// <summary>A file of the built site: its path relative to the output folder ('/' separators) and its bytes.</summary>
public sealed class OutputFile
{
    // One of three forms: the bytes, the bytes deflated (Deflated), or a writer of known length (Streamed).
    private readonly byte[]? _content;
    private readonly long _length;
    private readonly Action<Stream>? _write;

    public OutputFile(string path, byte[] content)
    {
        Path = path;
        _content = content;
    }

    private OutputFile(string path, DeflatedContent deflated)
    {
        Path = path;
        Deflated = deflated;
    }

    private OutputFile(string path, long length, Action<Stream> write)
    {
        Path = path;
        _length = length;
        _write = write;
    }

    public string Path { get; }

    /// <summary>
    /// The bytes; a file kept deflated (<see cref="Deflate"/>) is inflated again for each reader, and a streamed one
    /// (<see cref="Streamed"/>) is written out again.
    /// </summary>
    public byte[] Content => _content ?? Deflated?.Inflate() ?? Written();

    /// <summary>True for a file best written with <see cref="WriteTo"/> rather than made into one array.</summary>
    public bool IsStreamed => _write is not null;

    /// <summary>The bytes, written to a stream.</summary>
    public void WriteTo(Stream stream)
    {
        if (_write is not null) _write(stream);
        else stream.Write(Content);
    }

    private byte[] Written()
    {
        var bytes = new byte[_length];
        using var stream = new MemoryStream(bytes);
        _write!(stream);
        return bytes;
    }

    /// <summary>The file as the offline zip stores it, when it is kept that way.</summary>
    internal DeflatedContent? Deflated { get; private init; }

    /// <summary>
    /// A file kept only in the form the offline zip needs anyway, for a build that has already written it to disk
    /// (<see cref="StagedFile"/>): deflated it takes a fifth of the memory, and 21,000 pages are 1.5 GB of HTML.
    /// </summary>
    internal static OutputFile KeptDeflated(string path, DeflatedContent deflated) => new(path, deflated);

    /// <summary>
    /// A file made in parts deflated where they were made (the search index), joined: its bytes, and for the zip the
    /// same deflated bytes a one-off build gets from <see cref="StagedFile"/>.
    /// </summary>
    internal static OutputFile Joined(string path, IReadOnlyList<DeflatedContent.Part> parts)
    {
        var joined = new byte[parts.Sum(p => (long)p.Content.Length)];
        var at = 0;
        using var deflater = new DeflatedContent.Deflater(spill: null);
        foreach (var part in parts)
        {
            part.Content.CopyTo(joined, at);
            at += part.Content.Length;
            deflater.Append(part);
            part.Dispose();
        }
        return new OutputFile(path, joined) { Deflated = deflater.Finish() };
    }

    /// <summary>
    /// A file of known length that writes itself to a stream, such as the offline zip: on a site of 20,000 cards it is
    /// hundreds of megabytes that need not be one array on top of the deflated files it is made of.
    /// </summary>
    public static OutputFile Streamed(string path, long length, Action<Stream> write) => new(path, length, write);
}

/// <summary>
/// Deflated bytes with what a zip header needs to know about the original; kept in a <see cref="DeflatedSpill"/>, in
/// pieces, and in memory for what the spill did not take.
/// </summary>
internal sealed class DeflatedContent
{
    // zlib, for what libdeflate does not take (the parts of the search files, files over the limit, systems without
    // it), at level 2, measured on the 111 MB of a site of 100 cahiers and 2,000 cards: 0.5-0.57 s of processor time
    // and 28.7 MB, against 0.67-0.79 s and 27.3 MB at level 3, about twice that and 25.8 MB at the default 6, and
    // 0.33 s but 38.6 MB at level 1. A build runs dozens of times a day, the download is made now and then.
    private static readonly ZLibCompressionOptions Level = new() { CompressionLevel = 2 };

    // What is in the spill comes first, in order; what it would not take stays in memory after it.
    private readonly DeflatedSpill? _spill;
    private readonly IReadOnlyList<(long Offset, int Size)> _spilled;
    private readonly byte[] _kept;

    private DeflatedContent(DeflatedSpill? spill, IReadOnlyList<(long Offset, int Size)> spilled, byte[] kept, int length, uint crc)
    {
        _spill = spill;
        _spilled = spilled;
        _kept = kept;
        Size = checked(spilled.Sum(s => s.Size) + kept.Length);
        Length = length;
        Crc = crc;
    }

    /// <summary>The length of the deflated bytes.</summary>
    public int Size { get; }

    /// <summary>The length of the original.</summary>
    public int Length { get; }

    public uint Crc { get; }

    public static DeflatedContent Of(byte[] content)
    {
        using var deflater = new Deflater(spill: null);
        deflater.Write(content);
        return deflater.Finish();
    }

    /// <summary>
    /// Part of a file deflated on its own, on the processor that made it, as pigz does: it ends on a byte boundary and
    /// without a final block, so the parts of a file, appended in order (<see cref="Deflater.Append"/>), are one deflate
    /// stream. The search index of a site of 20,000 cards (157 MB) was otherwise deflated on one processor while the
    /// other waited for it.
    /// </summary>
    internal sealed class Part : IDisposable
    {
        public Part(byte[] content)
        {
            Content = content;
            var deflate = new DeflateStream(Deflated, Level, leaveOpen: true);
            deflate.Write(content);
            deflate.Flush(); // a sync flush: all of it deflated, up to a byte boundary
            var length = Deflated.Length;
            deflate.Dispose();
            Deflated.Truncate(length); // without the final block that closing the stream wrote
        }

        public byte[] Content { get; }

        public PooledBuffer Deflated { get; } = new();

        public void Dispose() => Deflated.Dispose();
    }

    /// <summary>An empty final block (fixed codes: BFINAL 1, BTYPE 01, end of block): the end of a file joined from parts.</summary>
    private static readonly byte[] FinalBlock = [0x03, 0x00];

    /// <summary>
    /// Deflates what it is given, piece by piece, or joins parts deflated elsewhere (not both), and counts the length
    /// and checksum of the original on the way.
    /// </summary>
    /// <param name="spill">
    /// Where to keep the deflated bytes instead of in memory, if it takes them. A large file goes there as it is
    /// deflated: the search index and the store were a hundred megabytes held in memory until they were finished.
    /// </param>
    /// <param name="libDeflate">
    /// Whether a file of at most <paramref name="wholeLimit"/> bytes is kept whole and deflated at once by
    /// <see cref="LibDeflate"/>, when the system has it; a larger one (the catalogue) is deflated by zlib as it comes, so
    /// that it is never whole in memory.
    /// </param>
    internal sealed class Deflater(DeflatedSpill? spill, bool libDeflate = true, int wholeLimit = Deflater.WholeLimit) : IDisposable
    {
        private const int SpilledPieceSize = 4 << 20;
        private const int WholeLimit = 16 << 20;

        private readonly PooledBuffer _buffer = new();
        private readonly List<(long Offset, int Size)> _spilled = [];
        private DeflateStream? _deflate;
        private bool _joined;
        private readonly Crc32 _crc = new();
        private long _length;
        private readonly bool _keepWhole = libDeflate && LibDeflate.IsAvailable;
        private byte[]? _whole;
        private int _wholeLength;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            if (_joined) throw new InvalidOperationException("A file joined from deflated parts cannot also be deflated here.");
            Count(bytes);
            if (_keepWhole && _deflate is null && _length <= wholeLimit)
            {
                KeepWhole(bytes);
                return;
            }
            (_deflate ??= StreamFromHere()).Write(bytes);
            if (_buffer.Length >= SpilledPieceSize) Spill();
        }

        /// <summary>Appends to the file kept whole, in an array from the shared pool that doubles when it is full.</summary>
        private void KeepWhole(ReadOnlySpan<byte> bytes)
        {
            var length = _wholeLength + bytes.Length;
            if (_whole is null || _whole.Length < length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(length, 2 * (_whole?.Length ?? 16 * 1024)));
                if (_whole is not null)
                {
                    _whole.AsSpan(0, _wholeLength).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_whole);
                }
                _whole = larger;
            }
            bytes.CopyTo(_whole.AsSpan(_wholeLength));
            _wholeLength = length;
        }

        /// <summary>zlib, for a file that grew too large to keep whole, or when libdeflate is not there: from its first byte on.</summary>
        private DeflateStream StreamFromHere()
        {
            var deflate = new DeflateStream(_buffer, Level, leaveOpen: true);
            if (_whole is not null) deflate.Write(_whole.AsSpan(0, _wholeLength));
            ReturnWhole();
            return deflate;
        }

        private void ReturnWhole()
        {
            if (_whole is not null) ArrayPool<byte>.Shared.Return(_whole);
            _whole = null;
            _wholeLength = 0;
        }

        public void Append(Part part)
        {
            if (_deflate is not null || _whole is not null) throw new InvalidOperationException("A file deflated here cannot also be joined from deflated parts.");
            _joined = true;
            foreach (var piece in part.Deflated.Pieces()) _buffer.Write(piece.Span);
            Count(part.Content);
            if (_buffer.Length >= SpilledPieceSize) Spill();
        }

        private void Count(ReadOnlySpan<byte> bytes)
        {
            _crc.Append(bytes);
            _length += bytes.Length;
        }

        /// <summary>Moves what is deflated so far to the spill; when the spill refuses it, it stays in memory.</summary>
        private void Spill()
        {
            if (spill is null || _buffer.Length == 0 || !spill.TryAppend(_buffer.Pieces(), out var offset)) return;
            _spilled.Add((offset, checked((int)_buffer.Length)));
            _buffer.Clear();
        }

        public DeflatedContent Finish()
        {
            if (_joined) _buffer.Write(FinalBlock);
            else if (_keepWhole && _deflate is null)
            {
                LibDeflate.Compress(_whole.AsSpan(0, _wholeLength), _buffer);
                ReturnWhole();
            }
            else (_deflate ??= StreamFromHere()).Dispose();
            Spill();
            var content = new DeflatedContent(spill, _spilled.Count == 0 ? [] : [.. _spilled], _buffer.ToArray(), checked((int)_length), _crc.GetCurrentHashAsUInt32());
            _buffer.Clear();
            return content;
        }

        public void Dispose()
        {
            _deflate?.Dispose();
            ReturnWhole();
            _buffer.Dispose();
        }
    }

    private const int CopyPieceSize = 1 << 20;

    /// <summary>The deflated bytes, as the zip stores them.</summary>
    public void WriteTo(Stream stream)
    {
        if (_spilled.Count > 0)
        {
            // A piece at a time: an array the size of the deflated search index, taken at the very end of a build,
            // started a full collection of a heap still holding the index.
            var piece = ArrayPool<byte>.Shared.Rent(Math.Min(Size, CopyPieceSize));
            try
            {
                foreach (var (offset, size) in _spilled)
                    for (var done = 0; done < size;)
                    {
                        var count = Math.Min(piece.Length, size - done);
                        _spill!.Read(offset + done, piece.AsSpan(0, count));
                        stream.Write(piece, 0, count);
                        done += count;
                    }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(piece);
            }
        }
        stream.Write(_kept);
    }

    public byte[] Inflate()
    {
        using var deflated = new MemoryStream(Size);
        WriteTo(deflated);
        deflated.Position = 0;
        var content = new byte[Length];
        using var inflate = new DeflateStream(deflated, CompressionMode.Decompress);
        inflate.ReadExactly(content);
        return content;
    }
}
