using System.Text;

namespace KennisSite.Search;

/// <summary>Large JSON written in blocks on several processors, in an order that does not depend on how many.</summary>
internal static class TextBlocks
{
    /// <summary>
    /// Writes items 0..count-1 in blocks, each with its own builder and range of items, and turns each builder into
    /// its final form (a string, or the bytes of the file) on the same processor; the blocks come back in item order.
    /// </summary>
    public static T[] Write<T>(int count, int blockSize, int parallelism, Action<StringBuilder, int, int> write, Func<StringBuilder, T> finish)
    {
        var blocks = new T[(count + blockSize - 1) / blockSize];
        Parallel.For(0, blocks.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, block =>
        {
            var sb = new StringBuilder();
            write(sb, block * blockSize, Math.Min(count, (block + 1) * blockSize));
            blocks[block] = finish(sb);
        });
        return blocks;
    }
}
