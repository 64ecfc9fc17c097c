using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using KennisSite.Output;

namespace KennisSite.Tests.Writing;

/// <summary>Deflated files the zip is made of: the search index, deflated in parts on different processors, and files kept on disk until the zip is written.</summary>
public class DeflatedPartsTests
{
    [Fact]
    public void Parts_deflated_on_their_own_inflate_to_the_whole_file()
    {
        // Sizes around the 64 KB pieces of the buffers, an empty part, and text that repeats, so each part has matches.
        var parts = new[] { 0, 11, 65_536, 200_003, 131_072, 3 }.Select((size, i) => Text(size, seed: i)).ToList();
        var whole = parts.SelectMany(p => p).ToArray();

        using var deflater = new DeflatedContent.Deflater(spill: null);
        foreach (var bytes in parts)
        {
            using var part = new DeflatedContent.Part(bytes);
            deflater.Append(part);
        }
        var deflated = deflater.Finish();

        using var zipped = new MemoryStream();
        deflated.WriteTo(zipped);
        // In a zip the next entry follows: the stream must end on its own final block, not run on into those bytes.
        zipped.Write("PK\u0003\u0004 volgend bestand"u8);
        zipped.Position = 0;
        using var inflated = new MemoryStream();
        using (var inflate = new DeflateStream(zipped, CompressionMode.Decompress)) inflate.CopyTo(inflated);
        Assert.Equal(whole, inflated.ToArray());
        Assert.Equal(whole.Length, deflated.Length);
        Assert.Equal(Crc32.HashToUInt32(whole), deflated.Crc);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_file_kept_in_the_spill_comes_back_whole_when_it_went_there_in_pieces(bool inParts, bool libDeflate)
    {
        // Random bytes do not deflate: 9 MB stays 9 MB, more than one piece on its way into the spill and more than the
        // megabyte copied at a time on its way out.
        var content = new byte[9_000_000];
        new Random(3).NextBytes(content);
        var folder = Directory.CreateTempSubdirectory("kennissite-spill-");
        try
        {
            var spill = DeflatedSpill.Create(folder.FullName, "delen");
            Assert.NotNull(spill);
            // Pieces come from zlib, which deflates as the file comes; libdeflate deflates it whole, at the end.
            using var deflater = new DeflatedContent.Deflater(spill, libDeflate);
            // Another file deflated at the same time, as pages are, goes into the spill between the pieces of this one.
            using var other = new DeflatedContent.Deflater(spill, libDeflate);
            for (var at = 0; at < content.Length; at += 1_000_000)
            {
                var slice = content.AsSpan(at, Math.Min(1_000_000, content.Length - at));
                if (inParts)
                {
                    using var part = new DeflatedContent.Part(slice.ToArray());
                    deflater.Append(part);
                }
                else
                {
                    deflater.Write(slice);
                }
                other.Write(slice);
            }
            var deflated = deflater.Finish();
            other.Finish();

            using var zipped = new MemoryStream();
            deflated.WriteTo(zipped);
            Assert.Equal(deflated.Size, zipped.Length);
            zipped.Position = 0;
            using var inflated = new MemoryStream();
            using (var inflate = new DeflateStream(zipped, CompressionMode.Decompress)) inflate.CopyTo(inflated);
            Assert.Equal(content, inflated.ToArray());
            Assert.Equal(content, deflated.Inflate());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_page_deflated_whole_or_as_it_comes_inflates_to_what_was_written(bool libDeflate)
    {
        Assert.True(!libDeflate || LibDeflate.IsAvailable, "libdeflate ontbreekt op dit systeem: apt-get install libdeflate0 (tests/run.sh doet dat zelf).");
        // Writes of uneven sizes: the kept copy grows several times, and with a limit of 100 kB the second file passes
        // it halfway and goes on with zlib. The empty file is a page that wrote nothing.
        foreach (var sizes in new[] { new[] { 10, 40_000, 1, 9_000 }, new[] { 30_000, 30_000, 30_000, 30_000, 7 }, Array.Empty<int>() })
        {
            var writes = sizes.Select((size, i) => Text(size, seed: i)).ToList();
            var whole = writes.SelectMany(w => w).ToArray();
            using var deflater = new DeflatedContent.Deflater(spill: null, libDeflate, wholeLimit: 100_000);
            foreach (var bytes in writes) deflater.Write(bytes);
            var deflated = deflater.Finish();

            Assert.Equal(whole, deflated.Inflate());
            Assert.Equal(whole.Length, deflated.Length);
            Assert.Equal(Crc32.HashToUInt32(whole), deflated.Crc);
        }
    }

    private static byte[] Text(int size, int seed)
    {
        var random = new Random(seed);
        string[] words = ["buurt", "zorg", "welzijn", "wonen", "netwerk", "Brussel", "détectie", "toeleiding", "\n"];
        var text = new StringBuilder();
        while (text.Length < size) text.Append(words[random.Next(words.Length)]).Append(' ');
        return Encoding.UTF8.GetBytes(text.ToString())[..size];
    }
}
