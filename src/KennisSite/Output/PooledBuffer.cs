using System.Buffers;

namespace KennisSite.Output;

/// <summary>
/// A stream that keeps what is written in pieces from the shared pool, for the deflated copy of a file. A growing array
/// doubled its way to the deflated size of the search index (tens of megabytes) and left each smaller copy behind; a
/// page took a fresh array every time.
/// </summary>
internal sealed class PooledBuffer : Stream
{
    private const int PieceSize = 64 * 1024;
    private readonly List<byte[]> _pieces = [];
    private int _usedInLast = PieceSize;
    private long _length;

    public override long Length => _length;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            if (_usedInLast == PieceSize)
            {
                _pieces.Add(ArrayPool<byte>.Shared.Rent(PieceSize));
                _usedInLast = 0;
            }
            var count = Math.Min(buffer.Length, PieceSize - _usedInLast);
            buffer[..count].CopyTo(_pieces[^1].AsSpan(_usedInLast));
            _usedInLast += count;
            _length += count;
            buffer = buffer[count..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>What was written, piece by piece, valid until the buffer is disposed.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Pieces() =>
        _pieces.Select((piece, i) => (ReadOnlyMemory<byte>)piece.AsMemory(0, i == _pieces.Count - 1 ? _usedInLast : PieceSize)).ToList();

    /// <summary>Forgets what was written after the first <paramref name="length"/> bytes.</summary>
    public void Truncate(long length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        var kept = (int)((length + PieceSize - 1) / PieceSize);
        for (var i = kept; i < _pieces.Count; i++) ArrayPool<byte>.Shared.Return(_pieces[i]);
        _pieces.RemoveRange(kept, _pieces.Count - kept);
        _usedInLast = kept == 0 ? PieceSize : (int)(length - (long)(kept - 1) * PieceSize);
        _length = length;
    }

    public byte[] ToArray()
    {
        if (_length == 0) return [];
        var all = new byte[_length];
        var at = 0;
        foreach (var piece in Pieces())
        {
            piece.Span.CopyTo(all.AsSpan(at));
            at += piece.Length;
        }
        return all;
    }

    /// <summary>Forgets what was written and gives its pieces back to the pool.</summary>
    public void Clear()
    {
        foreach (var piece in _pieces) ArrayPool<byte>.Shared.Return(piece);
        _pieces.Clear();
        _usedInLast = PieceSize;
        _length = 0;
    }

    protected override void Dispose(bool disposing)
    {
        Clear();
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
