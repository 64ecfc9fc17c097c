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
