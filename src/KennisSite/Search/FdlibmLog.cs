namespace KennisSite.Search;

/// <summary>
/// Natural logarithm with the same bits as V8's <c>Math.log</c>, which is fdlibm's
/// <c>__ieee754_log</c>. .NET's <see cref="Math.Log(double)"/> is occasionally 1 ulp away,
/// which can flip the last rounded digit of a lunr score.
/// </summary>
/// <remarks>
/// Algorithm (fdlibm, Sun Microsystems): write x = 2^k * (1 + f) with sqrt(2)/2 &lt; 1 + f &lt; sqrt(2),
/// then log(1 + f) = f - s*(f - R) with s = f/(2 + f) and R a minimax polynomial in s^2,
/// and add k*ln2 split into a high and a low part so that k*ln2_hi is exact.
/// </remarks>
internal static class FdlibmLog
{
    private static readonly double Ln2Hi = FromBits(0x3FE62E42_FEE00000); // 6.93147180369123816490e-01
    private static readonly double Ln2Lo = FromBits(0x3DEA39EF_35793C76); // 1.90821492927058770002e-10
    private static readonly double Two54 = FromBits(0x43500000_00000000); // 2^54
    private static readonly double Lg1 = FromBits(0x3FE55555_55555593);
    private static readonly double Lg2 = FromBits(0x3FD99999_9997FA04);
    private static readonly double Lg3 = FromBits(0x3FD24924_94229359);
    private static readonly double Lg4 = FromBits(0x3FCC71C5_1D8E78AF);
    private static readonly double Lg5 = FromBits(0x3FC74664_96CB03DE);
    private static readonly double Lg6 = FromBits(0x3FC39A09_D078C69F);
    private static readonly double Lg7 = FromBits(0x3FC2F112_DF3E5244);

    public static double Log(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int hx = (int)(bits >> 32);
        uint lx = (uint)bits;
        int k = 0;

        if (hx < 0x00100000)
        {
            // Zero, negative or subnormal input.
            if (((hx & 0x7FFFFFFF) | (int)lx) == 0) return double.NegativeInfinity;
            if (hx < 0) return double.NaN;
            // Scale subnormals into the normal range so the exponent extraction below works.
            k -= 54;
            x *= Two54;
            hx = (int)(BitConverter.DoubleToInt64Bits(x) >> 32);
        }
        if (hx >= 0x7FF00000) return x + x; // +Infinity or NaN

        k += (hx >> 20) - 1023;
        hx &= 0x000FFFFF;
        // i selects whether the mantissa is normalised into [1, 2) or halved into [0.5, 1)
        // so that 1 + f stays within [sqrt(2)/2, sqrt(2)).
        int i = (hx + 0x95F64) & 0x100000;
        x = WithHighWord(x, hx | (i ^ 0x3FF00000));
        k += i >> 20;
        double f = x - 1.0;
        double dk;

        if ((0x000FFFFF & (2 + hx)) < 3)
        {
            // |f| < 2^-20: a short Taylor series is already exact to the last bit.
            if (f == 0.0)
            {
                if (k == 0) return 0.0;
                dk = k;
                return dk * Ln2Hi + dk * Ln2Lo;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) return f - r;
            dk = k;
            return dk * Ln2Hi - ((r - dk * Ln2Lo) - f);
        }

        double s = f / (2.0 + f);
        dk = k;
        double z = s * s;
        int lowBound = hx - 0x6147A;
        double w = z * z;
        int highBound = 0x6B851 - hx;
        double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        double rr = t2 + t1;

        if ((lowBound | highBound) > 0)
        {
            // f is large enough that f*f/2 must be carried separately to keep precision.
            double hfsq = 0.5 * f * f;
            if (k == 0) return f - (hfsq - s * (hfsq + rr));
            return dk * Ln2Hi - ((hfsq - (s * (hfsq + rr) + dk * Ln2Lo)) - f);
        }
        if (k == 0) return f - s * (f - rr);
        return dk * Ln2Hi - ((s * (f - rr) - dk * Ln2Lo) - f);
    }

    private static double FromBits(ulong bits) => BitConverter.Int64BitsToDouble((long)bits);

    private static double WithHighWord(double x, int high)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return BitConverter.Int64BitsToDouble(((long)high << 32) | (bits & 0xFFFFFFFFL));
    }
}
