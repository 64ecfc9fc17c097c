using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace KennisSite.Search;

/// <summary>A token produced by <see cref="DutchAnalyzer.Tokenize"/>: its text and where it sits in the lowercased input (UTF-16 units).</summary>
public readonly record struct LunrToken(string Text, int Start, int Length);

/// <summary>
/// The text analysis of lunr 2.3.9 with the lunr-languages 1.22.0 <c>lunr.nl</c> plugin:
/// tokenizer, trimmer-nl, stopWordFilter-nl and stemmer-nl, reproduced so that the browser's
/// query pipeline finds the terms we index.
/// </summary>
/// <remarks>
/// An instance is not thread-safe because it owns a Snowball stemmer and a term cache;
/// use one per thread. The static members are pure.
/// </remarks>
public sealed class DutchAnalyzer
{
    // Lucene's Tartarus stemmer is generated from the original Snowball "dutch" (now "dutch_porter"),
    // the same algorithm as lunr.nl; Lucene.Net.Analysis.Nl.DutchStemmer is a different algorithm.
    private readonly DutchStemmer _stemmer = new();
    private readonly Dictionary<string, string?> _terms = new(StringComparer.Ordinal);

    // lunr.nl builds this list with ' aan al ...'.split(' '); the leading space yields "",
    // which is what drops tokens that the trimmer emptied.
    private static readonly FrozenSet<string> StopWords = (
        " aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een " +
        "eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in " +
        "is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat " +
        "onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd " +
        "wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    // lunr.nl.wordCharacters plus the 0-9 that lunr-languages >= 1.16 adds in generateTrimmer.
    private static readonly (char Low, char High)[] WordCharacterRanges =
    [
        ('0', '9'), ('A', 'Z'), ('a', 'z'), ('\u00AA', '\u00AA'), ('\u00BA', '\u00BA'), ('\u00C0', '\u00D6'),
        ('\u00D8', '\u00F6'), ('\u00F8', '\u02B8'), ('\u02E0', '\u02E4'), ('\u1D00', '\u1D25'), ('\u1D2C', '\u1D5C'),
        ('\u1D62', '\u1D65'), ('\u1D6B', '\u1D77'), ('\u1D79', '\u1DBE'), ('\u1E00', '\u1EFF'), ('\u2071', '\u2071'),
        ('\u207F', '\u207F'), ('\u2090', '\u209C'), ('\u212A', '\u212B'), ('\u2132', '\u2132'), ('\u214E', '\u214E'),
        ('\u2160', '\u2188'), ('\u2C60', '\u2C7F'), ('\uA722', '\uA787'), ('\uA78B', '\uA7AD'), ('\uA7B0', '\uA7B7'),
        ('\uA7F7', '\uA7FF'), ('\uAB30', '\uAB5A'), ('\uAB5C', '\uAB64'), ('\uFB00', '\uFB06'), ('\uFF21', '\uFF3A'),
        ('\uFF41', '\uFF5A'),
    ];

    // A SearchValues rather than IndexOfAnyExceptInRange('\0', '\u007F'): in the precompiled CLI that generic method
    // boxed its bounds on every call.
    private static readonly SearchValues<char> AsciiCharacters = SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c)]);

    /// <summary>
    /// Lowercase mappings that Node 20 (ICU 78, Unicode 17) applies but .NET's invariant casing
    /// may not, depending on whether the process runs with ICU or in invariant-globalization mode.
    /// Listing them keeps the CLI and the test host byte-identical to each other and to lunr.
    /// </summary>
    private static readonly FrozenDictionary<int, int> NewerLowercaseMappings = BuildNewerLowercaseMappings();

    /// <summary>
    /// Normalises to NFC. lunr itself does not normalise, so this only changes the result for
    /// non-NFC input, where it makes NFD text (common in copy-pasted or macOS text) stem like NFC text.
    /// </summary>
    public static string Normalize(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; lunr would index the text unchanged, so do the same.
            return text;
        }
    }

    /// <summary>JavaScript <c>String.prototype.toLowerCase</c> (full, locale-independent mapping).</summary>
    public static string ToLowerJs(string text)
    {
        if (Ascii.IsValid(text)) return text.ToLowerInvariant();
        char[] buffer = [];
        var length = ToLowerJs(text, ref buffer);
        return new string(buffer, 0, length);
    }

    /// <summary>
    /// <see cref="ToLowerJs(string)"/> into a buffer that is made larger when it is too small; returns the length of
    /// the lowercased text. The search index lowercases every field this way, into one buffer per thread.
    /// </summary>
    public static int ToLowerJs(ReadOnlySpan<char> text, ref char[] buffer)
    {
        // A unit lowercases to at most two (İ to i and a combining dot), so twice the length always fits.
        if (buffer.Length < text.Length * 2) buffer = new char[Math.Max(text.Length * 2, 1024)];
        var lower = buffer.AsSpan();
        int written = 0;
        for (int i = 0; i < text.Length;)
        {
            int ascii = text[i..].IndexOfAnyExcept(AsciiCharacters);
            int run = ascii < 0 ? text.Length - i : ascii;
            Ascii.ToLower(text.Slice(i, run), lower.Slice(written, run), out _);
            written += run;
            i += run;
            if (i == text.Length) break;

            char c = text[i];
            if (c == '\u0130')
            {
                // SpecialCasing.txt: İ lowercases to i + combining dot above (two units), unlike .NET.
                lower[written++] = 'i';
                lower[written++] = '\u0307';
                i++;
            }
            else if (c == '\u03A3')
            {
                lower[written++] = IsFinalSigma(text, i) ? '\u03C2' : '\u03C3';
                i++;
            }
            else if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed) == OperationStatus.Done)
            {
                var mapped = NewerLowercaseMappings.TryGetValue(rune.Value, out int newer) ? new Rune(newer) : Rune.ToLowerInvariant(rune);
                written += mapped.EncodeToUtf16(lower[written..]);
                i += consumed;
            }
            else
            {
                lower[written++] = c; // lone surrogate: JavaScript leaves it alone
                i++;
            }
        }
        return written;
    }

    /// <summary>
    /// lunr.tokenizer on a string: lowercases, then splits on JavaScript <c>/[\s\-]+/</c>, tested per UTF-16 unit.
    /// Positions refer to the lowercased text, which can be longer than the input (İ).
    /// The input is expected to be NFC already (see <see cref="Normalize"/>).
    /// </summary>
    public static IReadOnlyList<LunrToken> Tokenize(string text)
    {
        string lower = ToLowerJs(text);
        return [.. TokenRanges(lower).Select(t => new LunrToken(lower.Substring(t.Start, t.Length), t.Start, t.Length))];
    }

    /// <summary>Where <see cref="Tokenize"/> cuts an already lowercased text, without making the tokens.</summary>
    public static IEnumerable<(int Start, int Length)> TokenRanges(string lower)
    {
        for (int position = 0; NextToken(lower, ref position, out int start, out int length);)
            yield return (start, length);
    }

    /// <summary>The next token of an already lowercased text from <paramref name="position"/> on, which moves past it.</summary>
    public static bool NextToken(ReadOnlySpan<char> lower, ref int position, out int start, out int length)
    {
        while (position < lower.Length && IsSeparator(lower[position])) position++;
        start = position;
        while (position < lower.Length && !IsSeparator(lower[position])) position++;
        length = position - start;
        return length > 0;
    }

    /// <summary>
    /// JavaScript's <c>\s</c> plus '-'. Deliberately not <see cref="char.IsWhiteSpace(char)"/>:
    /// .NET counts U+0085 as white space and does not count U+FEFF.
    /// </summary>
    public static bool IsSeparator(char c) => c switch
    {
        >= '\u0009' and <= '\u000D' => true,
        ' ' or '-' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    /// <summary>trimmer-nl: strips leading and trailing non-word characters (per UTF-16 unit); inner characters stay.</summary>
    public static string Trim(string token)
    {
        var trimmed = Trim(token.AsSpan());
        return trimmed.Length == token.Length ? token : trimmed.ToString();
    }

    /// <summary>trimmer-nl on a token inside a larger text.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> token)
    {
        int start = 0, end = token.Length;
        while (start < end && !IsWordCharacter(token[start])) start++;
        while (end > start && !IsWordCharacter(token[end - 1])) end--;
        return token[start..end];
    }

    /// <summary>True for the Latin-script characters of lunr.nl.wordCharacters and ASCII digits.</summary>
    public static bool IsWordCharacter(char c)
    {
        foreach (var (low, high) in WordCharacterRanges)
        {
            if (c < low) return false; // ranges are sorted
            if (c <= high) return true;
        }
        return false;
    }

    /// <summary>stopWordFilter-nl: exact, case-sensitive match; the empty string counts as a stop word.</summary>
    public static bool IsStopWord(string token) => StopWords.Contains(token);

    /// <summary>stemmer-nl (Snowball Porter Dutch) on an already lowercased and trimmed token.</summary>
    public string Stem(string token)
    {
        _stemmer.SetCurrent(token);
        _stemmer.Stem();
        return _stemmer.Current;
    }

    /// <summary>
    /// The index pipeline on one lowercased token: trim, drop stop words (returns null), stem. Remembered per token: a
    /// text of a million words has some tens of thousands of different ones, so most tokens cost one look-up, and a
    /// token inside a larger text needs no string of its own. Remembered trimmed, as the index's own threads do: "zorg,"
    /// and "zorg." are the term of "zorg".
    /// </summary>
    public string? ToTerm(ReadOnlySpan<char> token)
    {
        var word = Trim(token);
        var known = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        if (known.TryGetValue(word, out string? term)) return term;
        var text = word.ToString();
        term = TermOf(text);
        _terms.Add(text, term);
        return term;
    }

    /// <summary>The index pipeline on one lowercased token, as <see cref="ToTerm"/> but remembering nothing.</summary>
    public string? TermOf(string token)
    {
        string trimmed = Trim(token);
        return IsStopWord(trimmed) ? null : Stem(trimmed);
    }

    /// <summary>Normalise, tokenize and run the index pipeline; returns the surviving terms in order.</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        var lower = ToLowerJs(Normalize(text));
        var terms = new List<string>();
        foreach (var (start, length) in TokenRanges(lower))
        {
            if (ToTerm(lower.AsSpan(start, length)) is { } term) terms.Add(term);
        }
        return terms;
    }

    /// <summary>
    /// Unicode's Final_Sigma condition: preceded by a cased letter and not followed by one,
    /// skipping case-ignorable characters on both sides.
    /// </summary>
    private static bool IsFinalSigma(ReadOnlySpan<char> text, int index)
    {
        bool casedBefore = false;
        for (int i = index; i > 0;)
        {
            i -= i >= 2 && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2]) ? 2 : 1;
            if (Rune.DecodeFromUtf16(text[i..], out Rune r, out _) != OperationStatus.Done) break; // a lone surrogate is neither cased nor ignorable
            if (IsCaseIgnorable(r)) continue;
            casedBefore = IsCased(r);
            break;
        }
        if (!casedBefore) return false;

        for (int i = index + 1; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text[i..], out Rune r, out _) != OperationStatus.Done) return true;
            i += r.Utf16SequenceLength;
            if (IsCaseIgnorable(r)) continue;
            return !IsCased(r);
        }
        return true;
    }

    // Approximates the Unicode Cased property; the remaining differences (a few symbols with
    // Other_Lowercase/Other_Uppercase) only matter for Greek glued to such symbols.
    private static bool IsCased(Rune r) =>
        Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        || r.Value is 0xAA or 0xBA or (>= 0x2160 and <= 0x217F) or (>= 0x24B6 and <= 0x24E9) or (>= 0x1F130 and <= 0x1F189);

    private static bool IsCaseIgnorable(Rune r) =>
        Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || r.Value is '\'' or '.' or ':' or 0xB7 or 0x387 or 0x55F or 0x5F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027
            or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;

    private static FrozenDictionary<int, int> BuildNewerLowercaseMappings()
    {
        var map = new Dictionary<int, int>
        {
            [0x1C89] = 0x1C8A,
            [0xA7CB] = 0x0264, [0xA7CC] = 0xA7CD, [0xA7CE] = 0xA7CF, [0xA7D2] = 0xA7D3, [0xA7D4] = 0xA7D5,
            [0xA7DA] = 0xA7DB, [0xA7DC] = 0x019B,
        };
        for (int cp = 0x10D50; cp <= 0x10D65; cp++) map[cp] = cp + 0x20; // Garay
        for (int cp = 0x16EA0; cp <= 0x16EB8; cp++) map[cp] = cp + 0x1B; // Beria Erfe
        return map.ToFrozenDictionary();
    }
}
