using System.Buffers;
using System.Text;

namespace KennisSite.Input;

/// <summary>Text handed over in pieces (a builder's chunks, escaped runs) as one UTF-8 array of exactly its size.</summary>
internal static class Utf8Text
{
    public delegate void Sink(ReadOnlySpan<char> text);

    public static byte[] Encode(StringBuilder text) => Encode(sink =>
    {
        foreach (var chunk in text.GetChunks()) sink(chunk.Span);
    });

    /// <param name="write">Hands the text to its sink in pieces; it is called twice, to count and to encode.</param>
    public static byte[] Encode(Action<Sink> write)
    {
        var length = 0;
        var endsWithHighSurrogate = false;
        write(text =>
        {
            if (text.IsEmpty) return;
            length += Encoding.UTF8.GetByteCount(text);
            // A pair split between two pieces counts as two replacement characters (3 + 3 bytes) here, but one
            // encoder encodes it as the one character (4 bytes) it is. Encoder.GetByteCount would not remember the
            // first half either.
            if (endsWithHighSurrogate && char.IsLowSurrogate(text[0])) length -= 2;
            endsWithHighSurrogate = char.IsHighSurrogate(text[^1]);
        });
        var bytes = new byte[length];
        var encoder = Encoding.UTF8.GetEncoder();
        var written = 0;
        write(text => written += encoder.GetBytes(text, bytes.AsSpan(written), flush: false));
        encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return bytes;
    }
}

/// <summary>
/// Text written straight into a stream as UTF-8 through one small pooled buffer: a <see cref="StreamWriter"/> with a
/// buffer large enough to be quick allocated a third of a megabyte per page, gigabytes on a large site.
/// </summary>
internal sealed class Utf8StreamWriter(Stream stream) : TextWriter
{
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder(); // a lone surrogate becomes U+FFFD, as in Utf8Text
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _used;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Encode(new ReadOnlySpan<char>(in value), flush: false);

    public override void Write(string? value) => Encode(value, flush: false);

    public override void Write(char[] buffer, int index, int count) => Encode(buffer.AsSpan(index, count), flush: false);

    public override void Write(ReadOnlySpan<char> buffer) => Encode(buffer, flush: false);

    public override void Flush()
    {
        WriteBuffer();
        stream.Flush();
    }

    private void Encode(ReadOnlySpan<char> text, bool flush)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(Utf8StreamWriter));
        while (true)
        {
            // Room for at least one character (four bytes) and whatever the encoder still holds.
            if (buffer.Length - _used < 8) WriteBuffer();
            _encoder.Convert(text, buffer.AsSpan(_used), flush, out var charsUsed, out var bytesUsed, out var completed);
            _used += bytesUsed;
            text = text[charsUsed..];
            if (completed) return;
            WriteBuffer();
        }
    }

    private void WriteBuffer()
    {
        stream.Write(_buffer.AsSpan(0, _used));
        _used = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is not null)
        {
            Encode([], flush: true);
            WriteBuffer();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
        base.Dispose(disposing);
    }
}
