using System.Globalization;
using System.Text;

namespace KennisSite.Search;

/// <summary>
/// The JavaScript semantics that decide the bytes of <c>JSON.stringify(lunrIndex)</c>:
/// <c>Math.round</c>, <c>Number#toString</c>, string escaping and own-property key order.
/// </summary>
internal static class JsCompat
{
    /// <summary><c>Math.round</c>: ties go towards +Infinity, unlike banker's rounding or AwayFromZero for negatives.</summary>
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x;
        double floor = Math.Floor(x);
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>
    /// <see cref="AppendNumber"/> of <paramref name="thousandths"/> / 1000, for a whole number of thousandths such as
    /// every score in the index. Below 10^15 such a decimal has at most 15 significant digits, so it is itself the
    /// shortest text that reads back as the double: its digits are written from the integer, without the search for
    /// the shortest digits that formatting a double needs (1.5 million scores, as on 2,000 cards: 35-50 ms against
    /// 140-240 ms).
    /// </summary>
    public static void AppendThousandths(StringBuilder sb, double thousandths)
    {
        if (!(Math.Abs(thousandths) < 1e15) || thousandths != Math.Floor(thousandths))
        {
            AppendNumber(sb, thousandths / 1000);
            return;
        }
        var m = (long)thousandths;
        if (m == 0) { sb.Append('0'); return; }
        if (m < 0) { sb.Append('-'); m = -m; }
        sb.Append(m / 1000);
        var fraction = (int)(m % 1000);
        if (fraction == 0) return;
        sb.Append('.').Append((char)('0' + fraction / 100));
        if (fraction % 100 == 0) return;
        sb.Append((char)('0' + fraction / 10 % 10));
        if (fraction % 10 != 0) sb.Append((char)('0' + fraction % 10));
    }

    /// <summary>Appends a number as <c>JSON.stringify</c> writes it (non-finite values become null).</summary>
    public static void AppendNumber(StringBuilder sb, double value)
    {
        if (!double.IsFinite(value)) { sb.Append("null"); return; }
        if (value == 0) { sb.Append('0'); return; } // also -0
        if (value < 0) { sb.Append('-'); value = -value; }

        // Between 1e-6 and 1e21 ECMAScript writes plain decimals, and "R" gives the same shortest digits without an
        // exponent: the common case (every score in the index) needs no layout of its own.
        Span<char> plain = stackalloc char[32];
        if (value is >= 1e-6 and < 1e21 && value.TryFormat(plain, out int written, "R", CultureInfo.InvariantCulture)
            && !plain[..written].Contains('E'))
        {
            sb.Append(plain[..written]);
            return;
        }

        // "R" yields the shortest round-trip digits, like ECMAScript; only the layout differs,
        // so split it into digits and a decimal exponent and lay it out by Number::toString's rules.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E');
        string mantissa = e < 0 ? r : r[..e];
        int exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int pointPos = (dot < 0 ? mantissa.Length : dot) + exponent; // value = 0.digits * 10^pointPos
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        int n = pointPos - leadingZeros, k = digits.Length;

        if (k <= n && n <= 21) sb.Append(digits).Append('0', n - k);
        else if (0 < n && n <= 21) sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        else if (-6 < n && n <= 0) sb.Append("0.").Append('0', -n).Append(digits);
        else
        {
            sb.Append(digits[0]);
            if (k > 1) sb.Append('.').Append(digits, 1, k - 1);
            sb.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Appends a quoted string as <c>JSON.stringify</c> writes it: only quote, backslash, control
    /// characters and lone surrogates are escaped; everything else, including '/', U+2028 and emoji, is literal.
    /// </summary>
    public static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary><see cref="AppendString"/> as a string of its own.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendString(sb, s);
        return sb.ToString();
    }

    /// <summary>
    /// True for canonical array-index property names ("0", or no leading zero and at most 2^32 - 2).
    /// JavaScript enumerates such keys first, in numeric order, before all other keys.
    /// </summary>
    public static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key[0] == '0' && key.Length > 1)) return false;
        foreach (char c in key)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        ulong value = ulong.Parse(key, CultureInfo.InvariantCulture);
        if (value > 4294967294) return false;
        index = (uint)value;
        return true;
    }

    /// <summary>Positions of <paramref name="keys"/> (given in insertion order) in JavaScript own-property order.</summary>
    public static int[] PropertyOrder(IReadOnlyList<string> keys)
    {
        var indexed = new List<(uint Index, int Position)>();
        var named = new List<int>();
        for (int i = 0; i < keys.Count; i++)
        {
            if (IsArrayIndex(keys[i], out uint index)) indexed.Add((index, i));
            else named.Add(i);
        }
        indexed.Sort((a, b) => a.Index.CompareTo(b.Index));
        return [.. indexed.Select(x => x.Position), .. named];
    }
}
