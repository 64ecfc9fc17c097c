using System.Text;
using KennisSite.Input;

namespace KennisSite.Tests.Input;

/// <summary>Pages and search files go from Scriban's buffer to UTF-8 in pieces; a character split between pieces stays whole.</summary>
public class Utf8TextTests
{
    [Theory]
    [InlineData("ab😀c", 3)]     // the pair split between the first and second chunk
    [InlineData("😀😀😀", 1)]     // split, then whole pairs
    [InlineData("a\uD83Dx", 2)]  // a lone high surrogate at the end of a chunk stays one replacement character
    [InlineData("ab\uD83D", 3)]  // and at the very end
    [InlineData("ë€日本", 2)]
    public void A_builder_in_chunks_encodes_as_its_whole_text(string text, int firstChunk)
    {
        var builder = new StringBuilder(firstChunk);
        builder.Append(text.AsSpan(0, firstChunk));
        builder.Append(text.AsSpan(firstChunk));
        var chunks = 0;
        foreach (var _ in builder.GetChunks()) chunks++;
        Assert.True(chunks > 1, "the test needs a builder of more than one chunk");

        Assert.Equal(Encoding.UTF8.GetBytes(text), Utf8Text.Encode(builder));
    }

    [Fact]
    public void Pieces_of_one_character_each_encode_as_the_whole_text()
    {
        var text = "x😀\uDE00😀y\uD83D";
        Assert.Equal(Encoding.UTF8.GetBytes(text), Utf8Text.Encode(sink =>
        {
            foreach (var c in text) sink([c]);
        }));
    }

    [Theory]
    [InlineData("x😀\uDE00😀y\uD83D", 1)] // pairs split between writes, lone halves
    [InlineData("ë€日本😀", 2)]
    public void A_page_written_in_pieces_to_a_stream_is_its_whole_text(string text, int pieceLength)
    {
        // Long enough to fill the writer's buffer many times, so pairs also fall on the buffer's edge.
        var whole = string.Concat(Enumerable.Repeat(text, 20_000));
        using var stream = new MemoryStream();
        using (var writer = new Utf8StreamWriter(stream))
        {
            for (var at = 0; at < whole.Length; at += pieceLength)
                writer.Write(whole.AsSpan(at, Math.Min(pieceLength, whole.Length - at)));
        }
        Assert.Equal(Encoding.UTF8.GetBytes(whole), stream.ToArray());
    }
}
