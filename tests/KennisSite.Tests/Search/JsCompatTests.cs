using System.Globalization;
using System.Text;
using KennisSite.Search;
using static KennisSite.Tests.Search.LunrTestEnvironment;

namespace KennisSite.Tests.Search;

public sealed class JsCompatTests
{
    [Theory]
    [InlineData(4.345, "4.345")]
    [InlineData(0.43, "0.43")]
    [InlineData(1.0, "1")]
    [InlineData(0.0, "0")]
    [InlineData(100.0, "100")]
    [InlineData(0.001, "0.001")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.2345e22, "1.2345e+22")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(double.NaN, "null")]
    public void AppendNumber_MatchesNumberToString(double value, string expected)
    {
        var sb = new StringBuilder();
        JsCompat.AppendNumber(sb, value);
        Assert.Equal(expected, sb.ToString());
    }

    [Fact]
    public void AppendNumber_WritesNegativeZeroAsZero()
    {
        var sb = new StringBuilder();
        JsCompat.AppendNumber(sb, -0.0);
        Assert.Equal("0", sb.ToString());
    }

    [Fact]
    public void AppendThousandths_WritesWhatAppendNumberWritesForTheScore()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(-3000, 30000).Select(m => (double)m)
            .Concat(Enumerable.Range(0, 100_000).Select(_ => Math.Floor(random.NextDouble() * Math.Pow(10, random.Next(1, 16)))))
            .Concat([999_999_999_999_999, 1e15, 1e15 + 2, 1e20, 0.5, 1234.5, -0.0, double.NaN]);
        foreach (var thousandths in samples)
        {
            var expected = new StringBuilder();
            JsCompat.AppendNumber(expected, thousandths / 1000);
            var actual = new StringBuilder();
            JsCompat.AppendThousandths(actual, thousandths);
            Assert.True(expected.ToString() == actual.ToString(), $"{thousandths}: {actual} instead of {expected}");
        }
    }

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(1.5, 2.0)]
    [InlineData(2.5, 3.0)]
    [InlineData(-2.5, -2.0)]
    [InlineData(4344.571362775707, 4345.0)]
    [InlineData(0.49999999999999994, 0.0)]
    public void Round_MatchesMathRound(double value, double expected) => Assert.Equal(expected, JsCompat.Round(value));

    [Fact]
    public void AppendString_EscapesLikeJsonStringify()
    {
        var sb = new StringBuilder();
        JsCompat.AppendString(sb, "a\"b\\c\b\f\n\r\t\u0001\u001f/<>&'+é\u2028😀\uD800x\uDC00");
        Assert.Equal("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f/<>&'+é\u2028😀\\ud800x\\udc00\"", sb.ToString());
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("7", true)]
    [InlineData("4294967294", true)]
    [InlineData("4294967295", false)]
    [InlineData("007", false)]
    [InlineData("-1", false)]
    [InlineData("1.0", false)]
    [InlineData("", false)]
    [InlineData("x/5", false)]
    public void IsArrayIndex_FollowsEcmaScript(string key, bool expected) => Assert.Equal(expected, JsCompat.IsArrayIndex(key, out _));

    [Fact]
    public void PropertyOrder_PutsArrayIndicesFirstInNumericOrder() =>
        Assert.Equal([3, 1, 0, 2, 4], JsCompat.PropertyOrder(["10", "2", "007", "0", "x/5"]));

    [Fact]
    public void FdlibmLog_IsBitIdenticalToV8MathLog()
    {
        // Every idf argument lunr can meet for up to 300 documents with two fields, plus random
        // doubles over the whole positive range and the special values.
        const string script = """
            const f = new Float64Array(1), u = new BigUint64Array(f.buffer);
            const hex = x => { f[0] = x; return u[0].toString(16); };
            const out = [];
            for (let n = 1; n <= 300; n++) for (let df = 1; df <= 2 * n; df++) {
              const x = 1 + Math.abs((n - df + 0.5) / (df + 0.5)); out.push(hex(x) + ' ' + hex(Math.log(x)));
            }
            let s = 42n;
            for (let i = 0; i < 50000; i++) {
              s = (s * 6364136223846793005n + 1442695040888963407n) & 0xFFFFFFFFFFFFFFFFn;
              u[0] = s & 0x7FEFFFFFFFFFFFFFn; const x = f[0]; out.push(hex(x) + ' ' + hex(Math.log(x)));
            }
            for (const x of [0, 5e-324, 2.2250738585072014e-308, 1, 2, 0.5, Math.E, 1e308, Infinity, 1 + 2 ** -52, 1 - 2 ** -53])
              out.push(hex(x) + ' ' + hex(Math.log(x)));
            console.log(out.join('\n'));
            """;
        var mismatches = new List<string>();
        int count = 0;
        foreach (string line in RunNode("-e", script).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ');
            double x = BitConverter.Int64BitsToDouble((long)ulong.Parse(parts[0], NumberStyles.HexNumber));
            ulong expected = ulong.Parse(parts[1], NumberStyles.HexNumber);
            ulong actual = (ulong)BitConverter.DoubleToInt64Bits(FdlibmLog.Log(x));
            count++;
            if (actual != expected) mismatches.Add($"log({x:R}): expected {expected:x16}, got {actual:x16}");
        }

        Assert.True(count > 100_000, $"Only {count} vectors.");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {count} differ:\n{string.Join('\n', mismatches.Take(50))}");
    }

    [Fact]
    public void FdlibmLog_SpecialValues()
    {
        Assert.Equal(double.NegativeInfinity, FdlibmLog.Log(0));
        Assert.True(double.IsNaN(FdlibmLog.Log(-1)));
        Assert.True(double.IsNaN(FdlibmLog.Log(double.NaN)));
        Assert.Equal(double.PositiveInfinity, FdlibmLog.Log(double.PositiveInfinity));
        Assert.Equal(0.4700036292457356, FdlibmLog.Log(1.6)); // idf of "zorgzam" in spec §2.6
    }
}
