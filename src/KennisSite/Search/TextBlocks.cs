using System.Collections.Concurrent;
using System.Text;

namespace KennisSite.Search;

/// <summary>Large JSON written in blocks on several processors, in an order that does not depend on how many.</summary>
internal static class TextBlocks
{
    /// <summary>
    /// Writes items 0..count-1 in blocks, each with its own builder and range of items, turns each builder into its
    /// final form (the bytes of the file) on the processor that wrote it, and hands the blocks to <paramref name="emit"/>
    /// one at a time, in item order, as soon as the blocks before them are out. <paramref name="finish"/> must not keep
    /// the builder: it is cleared and used for a later block.
    /// </summary>
    /// <remarks>
    /// Processors take blocks in order and stay at most a few blocks ahead of the oldest one not yet emitted, so only
    /// those few are held at once. Holding all of them, the index and store of a site of 20,000 cards were a quarter of
    /// a gigabyte in memory before their first byte was written.
    /// </remarks>
    public static void Write<T>(int count, int blockSize, int parallelism, Action<StringBuilder, int, int> write,
        Func<StringBuilder, T> finish, Action<T> emit) where T : class
    {
        var blockCount = (count + blockSize - 1) / blockSize;
        var window = 4 * parallelism;
        var done = new T?[blockCount];
        var gate = new object(); // not a Lock: Monitor.Wait needs the monitor
        // A builder grown for one block is used for the next: growing a new one for each block allocated 0.45 GB on a
        // site of 20,000 cards.
        var builders = new ConcurrentStack<StringBuilder>();
        int taken = -1, emitted = 0;
        bool emitting = false, failed = false;

        void Emit()
        {
            while (true)
            {
                T? next;
                lock (gate)
                {
                    next = emitted < blockCount ? done[emitted] : null;
                    if (next is null)
                    {
                        emitting = false;
                        return;
                    }
                    done[emitted] = null;
                }
                emit(next);
                lock (gate)
                {
                    emitted++;
                    Monitor.PulseAll(gate);
                }
            }
        }

        Parallel.For(0, Math.Max(1, parallelism), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, _ =>
        {
            try
            {
                for (int block; (block = Interlocked.Increment(ref taken)) < blockCount;)
                {
                    lock (gate)
                    {
                        // The block that holds the others back is always being written by a processor that is not waiting.
                        while (block >= emitted + window && !failed) Monitor.Wait(gate);
                        if (failed) return;
                    }
                    var sb = builders.TryPop(out var used) ? used : new StringBuilder();
                    write(sb, block * blockSize, Math.Min(count, (block + 1) * blockSize));
                    var bytes = finish(sb);
                    builders.Push(sb.Clear());
                    lock (gate)
                    {
                        done[block] = bytes;
                        if (emitting) continue;
                        emitting = true;
                    }
                    Emit();
                }
            }
            catch
            {
                lock (gate)
                {
                    failed = true;
                    Monitor.PulseAll(gate);
                }
                throw;
            }
        });
    }
}
