using System.Text;

namespace KennisSite.Benchmarks;

/// <summary>
/// Real Dutch words drawn with a Zipf-like (Zipf–Mandelbrot) frequency, so a generated corpus has the term statistics
/// of real text: a few very frequent function words (which lunr's stop word filter drops), a band of common domain words,
/// and a long tail of words that occur once or twice. Everything is decided by the seed.
/// </summary>
public sealed class DutchVocabulary
{
    /// <summary>The most frequent Dutch words, most frequent first: they take the top ranks, as in any Dutch text.</summary>
    private static readonly string[] FunctionWords =
    [
        "de", "en", "van", "het", "een", "in", "is", "dat", "op", "te", "voor", "met", "die", "zijn", "niet", "aan", "er", "om",
        "ook", "als", "bij", "of", "door", "maar", "naar", "worden", "wordt", "kan", "dan", "nog", "uit", "zo", "wat", "over",
        "tot", "hun", "ze", "we", "zij", "deze", "meer", "geen", "wel", "moet", "veel", "hebben", "heeft", "dit", "al", "andere",
        "hoe", "waar", "omdat", "kunnen", "zich", "was", "werd", "zelf", "vaak", "elkaar", "samen", "onder", "tussen", "binnen",
        "ook", "alle", "iedereen", "zoals", "daarom", "toch", "echter", "steeds", "soms", "vooral", "waarin", "welke", "sommige",
    ];

    /// <summary>Words of the field (welzijn, wonen, zorg) that real cahiers repeat often; they take the ranks just below the function words.</summary>
    private static readonly string[] DomainWords =
    [
        "zorg", "buurt", "bewoners", "ouderen", "mensen", "welzijn", "hulp", "vrijwilligers", "netwerk", "ondersteuning",
        "brussel", "organisaties", "wonen", "eenzaamheid", "mantelzorg", "mantelzorgers", "samenwerking", "project", "buurten",
        "kwetsbare", "hulpverlening", "dienstencentrum", "thuiszorg", "gemeente", "beleid", "zorgnoden", "contact", "ontmoeting",
        "buurtwerk", "armoede", "diversiteit", "toegankelijkheid", "eerstelijn", "huisbezoeken", "partners", "initiatief",
        "zorgverleners", "signalen", "detectie", "toeleiding", "netwerken", "participatie", "vrijwilligerswerk", "huisvesting",
        "gezondheid", "kenniscentrum", "praktijk", "aanpak", "buurtbewoners", "informele", "professionele", "sociale",
    ];

    private readonly string[] _words;
    private readonly double[] _cumulative;

    /// <param name="exponent">Zipf exponent s in weight = 1 / (rank + offset)^s; about 1 for natural language.</param>
    /// <param name="offset">Mandelbrot offset q; flattens the very top as in real corpora.</param>
    public DutchVocabulary(IEnumerable<string> candidateWords, int seed, double exponent = 1.0, double offset = 2.7)
    {
        var head = FunctionWords.Concat(DomainWords).Distinct(StringComparer.Ordinal).ToList();
        var taken = new HashSet<string>(head, StringComparer.Ordinal);
        // Sorted before shuffling so the rank of each word depends only on the word list and the seed.
        var tail = candidateWords.Where(IsPlainWord).Where(taken.Add).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(tail);
        // Function words first, then the domain words spread over the ranks ~90..600 between tail words, so that they are
        // frequent but not as frequent as "de" and "het".
        var words = new List<string>(FunctionWords.Distinct(StringComparer.Ordinal));
        var domain = DomainWords.Where(w => !words.Contains(w)).ToList();
        var t = 0;
        foreach (var word in domain)
        {
            words.Add(word);
            for (var i = 0; i < 8 && t < tail.Length; i++) words.Add(tail[t++]);
        }
        words.AddRange(tail.Skip(t));
        _words = [.. words];

        _cumulative = new double[_words.Length];
        var sum = 0.0;
        for (var r = 0; r < _words.Length; r++)
        {
            sum += 1.0 / Math.Pow(r + 1 + offset, exponent);
            _cumulative[r] = sum;
        }
        for (var r = 0; r < _cumulative.Length; r++) _cumulative[r] /= sum;
    }

    public int Count => _words.Length;

    /// <summary>Reads the first column of the lunr Dutch stemmer vectors (about 45,000 real Dutch words).</summary>
    public static DutchVocabulary FromStemmerVectors(string tsvPath, int seed) =>
        new(File.ReadLines(tsvPath, Encoding.UTF8).Select(l => l.Split('\t')[0].Trim()), seed);

    /// <summary>A word drawn with Zipf-like probability.</summary>
    public string Next(Random random)
    {
        var i = Array.BinarySearch(_cumulative, random.NextDouble());
        if (i < 0) i = ~i;
        return _words[Math.Min(i, _words.Length - 1)];
    }

    /// <summary>A word from the content-bearing part of the vocabulary (no function words), for titles and names.</summary>
    public string NextContentWord(Random random)
    {
        while (true)
        {
            var word = Next(random);
            if (word.Length >= 4 && Array.IndexOf(FunctionWords, word) < 0) return word;
        }
    }

    /// <summary>Lower-case letters only (accents allowed), at least two of them: what a reader would type.</summary>
    private static bool IsPlainWord(string word) => word.Length >= 2 && word.All(char.IsLower);
}
