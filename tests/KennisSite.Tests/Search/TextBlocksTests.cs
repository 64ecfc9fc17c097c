using System.Text;
using KennisSite.Search;

namespace KennisSite.Tests.Search;

/// <summary>The index and store reach their files in blocks written on several processors; the file must read as if written by one.</summary>
public sealed class TextBlocksTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Blocks_come_out_in_item_order_whichever_finishes_first(int parallelism)
    {
        var emitted = new List<string>();
        TextBlocks.Write(100, 3, parallelism, (sb, from, to) =>
        {
            // Early blocks are the slow ones, so later blocks are ready first.
            if (from < 12) Thread.Sleep(20);
            for (var i = from; i < to; i++) sb.Append(i).Append(',');
        }, sb => sb.ToString(), emitted.Add);

        Assert.Equal(string.Concat(Enumerable.Range(0, 100).Select(i => $"{i},")), string.Concat(emitted));
        Assert.Equal(34, emitted.Count);
    }

    [Fact]
    public void A_block_that_fails_stops_the_others_instead_of_leaving_them_waiting()
    {
        var othersWritten = 0;
        var othersReachedTheWindow = false;
        var writing = Task.Run(() => TextBlocks.Write(10_000, 1, 4, (sb, from, _) =>
        {
            if (from == 0)
            {
                // Fails only once the others have run ahead as far as they may (blocks 1-15: four processors stay within
                // sixteen blocks of the oldest one not yet out) and wait for this block.
                othersReachedTheWindow = SpinWait.SpinUntil(() => Volatile.Read(ref othersWritten) >= 15, TimeSpan.FromSeconds(20));
                throw new InvalidOperationException("block 0");
            }
            Interlocked.Increment(ref othersWritten);
            sb.Append(from);
        }, sb => sb.ToString(), _ => { }));

        // A generous bound, not a timing: without it a regression here would hang the whole suite.
        Assert.True(((IAsyncResult)writing).AsyncWaitHandle.WaitOne(TimeSpan.FromMinutes(1)), "the other blocks are still waiting for block 0");
        Assert.True(othersReachedTheWindow);
        var failure = Assert.IsType<AggregateException>(writing.Exception?.InnerException);
        Assert.Contains(failure.Flatten().InnerExceptions, e => e.Message == "block 0");
    }
}
