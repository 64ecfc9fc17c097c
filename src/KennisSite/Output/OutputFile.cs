using System.IO.Compression;
using System.IO.Hashing;

namespace KennisSite.Output;

/// <summary>A file of the built site: its path relative to the output folder ('/' separators) and its bytes.</summary>
public sealed class OutputFile
{
    private readonly byte[]? _content;

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

    public string Path { get; }

    /// <summary>The bytes; a file kept deflated (<see cref="Deflate"/>) is inflated again for each reader.</summary>
    public byte[] Content => _content ?? Deflated!.Inflate();

    /// <summary>The file as the offline zip stores it, when it is kept that way.</summary>
    internal DeflatedContent? Deflated { get; }

    /// <summary>
    /// A file kept only in the form the offline zip needs anyway, for a build that has already written it to disk:
    /// deflated it takes a fifth of the memory, and 21,000 pages are 1.5 GB of HTML.
    /// </summary>
    public static OutputFile Deflate(string path, byte[] content) => new(path, DeflatedContent.Of(content));
}

/// <summary>Deflated bytes with what a zip header needs to know about the original.</summary>
internal sealed record DeflatedContent(byte[] Bytes, int Length, uint Crc)
{
    // Level 2, measured on the 111 MB of a site of 100 cahiers and 2,000 cards: 0.5-0.57 s of processor time and
    // 28.7 MB, against 0.67-0.79 s and 27.3 MB at level 3, about twice that and 25.8 MB at the default 6, and 0.33 s
    // but 38.6 MB at level 1.
    // A build runs dozens of times a day, the download is made now and then.
    private static readonly ZLibCompressionOptions Level = new() { CompressionLevel = 2 };

    public static DeflatedContent Of(byte[] content)
    {
        // HTML deflates to about a fifth at this level: a buffer of a quarter rarely grows, so a large page does not
        // leave a trail of ever larger copies behind.
        using var buffer = new MemoryStream(content.Length / 4 + 256);
        using (var deflate = new DeflateStream(buffer, Level, leaveOpen: true)) deflate.Write(content);
        return new DeflatedContent(buffer.ToArray(), content.Length, Crc32.HashToUInt32(content));
    }

    public byte[] Inflate()
    {
        var content = new byte[Length];
        using var inflate = new DeflateStream(new MemoryStream(Bytes), CompressionMode.Decompress);
        inflate.ReadExactly(content);
        return content;
    }
}
