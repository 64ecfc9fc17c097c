using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;

namespace KennisSite.Search;

/// <summary>A field of the index, as declared with lunr's <c>builder.field(name, { boost })</c>.</summary>
public sealed record LunrField(string Name, double Boost = 1);

/// <summary>
/// The value of one field of one document: either text, which is tokenized, or a list of tokens,
/// each of which becomes one lowercased token as lunr does for array values.
/// </summary>
public sealed class LunrValue
{
    private LunrValue(string? text, IReadOnlyList<string?>? tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    /// <summary>The text to tokenize, or null when this value is a token list.</summary>
    public string? Text { get; }

    /// <summary>The tokens (a null element is the empty token, as in lunr), or null when this value is text.</summary>
    public IReadOnlyList<string?>? Tokens { get; }

    public static LunrValue FromText(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    public static LunrValue FromTokens(IEnumerable<string?> tokens) =>
        new(null, [.. tokens ?? throw new ArgumentNullException(nameof(tokens))]);

    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator LunrValue?(string? text) => text is null ? null : FromText(text);

    [return: NotNullIfNotNull(nameof(tokens))]
    public static implicit operator LunrValue?(string?[]? tokens) => tokens is null ? null : FromTokens(tokens);
}

/// <summary>
/// Builds a lunr 2.3.9 index as <c>lunr(function () { this.use(lunr.nl); this.ref(..); this.field(..);
/// this.metadataWhitelist = [..]; this.add(doc, { boost }) })</c> with lunr-languages 1.22.0 would,
/// and serializes it byte-identically to <c>JSON.stringify(idx)</c>, so the browser's
/// <c>lunr.Index.load</c> reads it unchanged.
/// </summary>
/// <remarks>
/// Input text is normalised to NFC first (see <see cref="DutchAnalyzer.Normalize"/>); this only
/// differs from raw lunr for non-NFC input. Not thread-safe.
/// </remarks>
public sealed class LunrIndexBuilder
{
    public const string LunrVersion = "2.3.9";
    private const double K1 = 1.2;
    private const double B = 0.75;

    // Names that would collide with Object.prototype members in lunr's plain-object bookkeeping
    // (every score becomes NaN) or with the posting's own key.
    private static readonly HashSet<string> ReservedFieldNames = new(StringComparer.Ordinal)
    {
        "_index", "__proto__", "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
        "toLocaleString", "toString", "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    private readonly LunrField[] _fields; // in JavaScript key order, which is also lunr's processing order
    private readonly Dictionary<string, int> _fieldIndex = new(StringComparer.Ordinal);
    private readonly bool _storePositions;
    private readonly Analysis _analysis;
    private readonly List<Document> _documents = [];
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);
    // Made by the analysing threads, numbered by the adding one in order of first occurrence (_index), which is also
    // the order of _indexed.
    private readonly ConcurrentDictionary<string, Term> _terms = new(StringComparer.Ordinal);
    private readonly List<Term> _indexed = [];
    private readonly List<List<(int Start, int Length)>> _positions = [];
    private readonly long[] _totalFieldLengths;
    // What the analysing threads of AddAll know; their token caches carry over from batch to batch and from call to call.
    private readonly ConcurrentBag<Analysis> _analyses = [];
    private readonly int _numericFieldCount;

    /// <param name="fields">The fields in declaration order; names must be unique and must not contain '/'.</param>
    /// <param name="storePositions">
    /// Equivalent to <c>metadataWhitelist = ['position']</c>: [start, length] of each untrimmed token
    /// in UTF-16 units of the NFC-normalised, lowercased field text.
    /// </param>
    public LunrIndexBuilder(IEnumerable<LunrField> fields, bool storePositions = false)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var declared = fields.ToList();
        foreach (var field in declared)
        {
            // lunr splits "field/ref" at the first '/', so a '/' in a field name cannot be read back.
            if (field.Name.Contains('/')) throw new ArgumentException($"Field name '{field.Name}' contains '/'.", nameof(fields));
            if (ReservedFieldNames.Contains(field.Name)) throw new ArgumentException($"Field name '{field.Name}' is reserved.", nameof(fields));
        }
        // lunr keeps fields in a plain object, so array-index-like names move to the front.
        _fields = [.. JsCompat.PropertyOrder([.. declared.Select(f => f.Name)]).Select(i => declared[i])];
        for (int i = 0; i < _fields.Length; i++)
        {
            if (!_fieldIndex.TryAdd(_fields[i].Name, i)) throw new ArgumentException($"Duplicate field '{_fields[i].Name}'.", nameof(fields));
        }
        _storePositions = storePositions;
        _analysis = new Analysis(_terms, _fields.Length);
        _totalFieldLengths = new long[_fields.Length];
        _numericFieldCount = _fields.Count(f => JsCompat.IsArrayIndex(f.Name, out _));
    }

    /// <summary>The field names in the order lunr serializes them.</summary>
    public IReadOnlyList<string> Fields => [.. _fields.Select(f => f.Name)];

    public int DocumentCount => _documents.Count;

    /// <summary>Adds a document, like <c>builder.add(doc, { boost })</c>.</summary>
    /// <param name="reference">The unique document ref that search results return.</param>
    /// <param name="values">Field values by field name; missing or null fields are empty.</param>
    /// <param name="boost">Document boost; 0 and NaN mean 1, as lunr's <c>boost || 1</c>.</param>
    public void Add(string reference, IReadOnlyDictionary<string, LunrValue?> values, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(reference);
        CheckFields(values);
        AddAnalyzed(reference, Analyze(values, _analysis), boost);
    }

    /// <summary>
    /// Adds documents in order, as <see cref="Add"/> one by one would, with the analysis (tokens, stop words, stems)
    /// done on several processors: it is most of the work, and each document's is its own.
    /// </summary>
    /// <remarks>
    /// Documents go in batches: a batch is analysed while the one before it is added to the index, which must happen in
    /// document order. Only those two batches are held analysed at a time; holding every document analysed at once
    /// (21,000 of them) took gigabytes.
    /// </remarks>
    public void AddAll(IReadOnlyList<(string Reference, IReadOnlyDictionary<string, LunrValue?> Values)> documents, int parallelism)
    {
        const int batchSize = 256;
        foreach (var (reference, values) in documents)
        {
            ArgumentNullException.ThrowIfNull(reference);
            CheckFields(values);
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var adding = Task.CompletedTask;
        for (var start = 0; start < documents.Count; start += batchSize)
        {
            var from = start;
            var analyzed = new AnalyzedField[Math.Min(batchSize, documents.Count - from)][];
            Parallel.For(0, analyzed.Length, options, () => _analyses.TryTake(out var kept) ? kept : new Analysis(_terms, _fields.Length),
                (i, _, analysis) =>
                {
                    analyzed[i] = Analyze(documents[from + i].Values, analysis);
                    return analysis;
                }, _analyses.Add);
            adding.GetAwaiter().GetResult();
            adding = Task.Run(() =>
            {
                for (var i = 0; i < analyzed.Length; i++) AddAnalyzed(documents[from + i].Reference, analyzed[i], 1);
            });
        }
        adding.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Lets go of what the threads of <see cref="AddAll"/> learnt about tokens, once the last documents are in: the
    /// caches only speed up analysis, and the index is written without them.
    /// </summary>
    public void ForgetTokenCaches() => _analyses.Clear();

    private void CheckFields(IReadOnlyDictionary<string, LunrValue?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (string name in values.Keys)
        {
            // lunr ignores undeclared properties; here they are almost certainly a misspelt field.
            if (!_fieldIndex.ContainsKey(name)) throw new ArgumentException($"Unknown field '{name}'.", nameof(values));
        }
    }

    /// <summary>One field of one document, analysed: its length in terms, and each distinct term in order of first occurrence.</summary>
    private sealed record AnalyzedField(int Length, AnalyzedTerm[] Terms);

    private struct AnalyzedTerm(Term term, List<(int Start, int Length)>? positions)
    {
        public readonly Term Term = term;
        public int Count;
        public readonly List<(int Start, int Length)>? Positions = positions;
    }

    /// <summary>
    /// What one thread needs to analyse documents, kept from document to document: for each token it has met, the term
    /// it becomes. Most tokens of a text have been met before, so each costs one look-up, and counting it in its field
    /// needs no other.
    /// </summary>
    private sealed class Analysis(ConcurrentDictionary<string, Term> terms, int fieldCount)
    {
        private readonly DutchAnalyzer _analyzer = new();
        // Looked up by the token's span (no string per token); a null slot is a stop word.
        private readonly TokenTable<Slot> _byToken = new();
        private readonly Dictionary<string, Slot> _byTerm = new(StringComparer.Ordinal);
        private readonly List<AnalyzedTerm> _fieldTerms = [];
        private int _field;

        /// <summary>A term as this thread counts it: where it stands in the field being analysed, if it is in it.</summary>
        private sealed class Slot(Term term)
        {
            public Term Term { get; } = term;
            public int Field = -1;
            public int Index;
        }

        private char[] _lowercased = [];

        /// <summary>The text lowercased as lunr does, valid until the next call.</summary>
        public ReadOnlySpan<char> Lowercase(string text)
        {
            var length = DutchAnalyzer.ToLowerJs(text, ref _lowercased);
            return _lowercased.AsSpan(0, length);
        }

        public void StartField()
        {
            _field++;
            _fieldTerms.Clear();
        }

        /// <summary>Counts a lowercased token in the field being analysed; false when the pipeline drops it.</summary>
        public bool Count(ReadOnlySpan<char> token, int start, bool storePositions)
        {
            // Looked up trimmed: "zorg," and "zorg." are the term of "zorg", and one entry keeps the table small.
            var word = DutchAnalyzer.Trim(token);
            ref var known = ref _byToken.GetOrAdd(word, out var added);
            if (added && _analyzer.TermOf(word.ToString()) is { } term)
            {
                if (!_byTerm.TryGetValue(term, out var shared))
                    _byTerm[term] = shared = new Slot(terms.GetOrAdd(term, static (t, count) => new Term(t, count), fieldCount));
                known = shared;
            }
            var slot = known;
            if (slot is null) return false;
            if (slot.Field != _field)
            {
                slot.Field = _field;
                slot.Index = _fieldTerms.Count;
                _fieldTerms.Add(new AnalyzedTerm(slot.Term, storePositions ? [] : null));
            }
            ref var counted = ref CollectionsMarshal.AsSpan(_fieldTerms)[slot.Index];
            counted.Count++;
            counted.Positions?.Add((start, token.Length));
            return true;
        }

        public AnalyzedField FinishField(int length) => new(length, [.. _fieldTerms]);
    }

    /// <summary>
    /// Tokens, stop words and stems of each field, counted per term. Everything that depends only on this document is
    /// done here, so the part that must run in document order (numbering terms, postings) sees each term once.
    /// </summary>
    private AnalyzedField[] Analyze(IReadOnlyDictionary<string, LunrValue?> values, Analysis analysis)
    {
        var fields = new AnalyzedField[_fields.Length];
        for (int f = 0; f < _fields.Length; f++)
        {
            analysis.StartField();
            var length = 0;
            values.TryGetValue(_fields[f].Name, out LunrValue? value);
            if (value?.Text is { } text)
            {
                var lower = analysis.Lowercase(DutchAnalyzer.Normalize(text));
                for (int position = 0; DutchAnalyzer.NextToken(lower, ref position, out int start, out int tokenLength);)
                    if (analysis.Count(lower.Slice(start, tokenLength), start, _storePositions)) length++;
            }
            else if (value is not null)
            {
                // Array elements are one token each; they carry no position, serialized as null.
                foreach (string? element in value.Tokens!)
                    if (analysis.Count(analysis.Lowercase(DutchAnalyzer.Normalize(element ?? "")), -1, _storePositions)) length++;
            }
            fields[f] = analysis.FinishField(length);
        }
        return fields;
    }

    private void AddAnalyzed(string reference, AnalyzedField[] fields, double boost)
    {
        // lunr would count a duplicate twice in N but keep only one set of field lengths.
        if (!_references.Add(reference)) throw new ArgumentException($"Duplicate document ref '{reference}'.", nameof(reference));

        int docIndex = _documents.Count;
        var document = new Document(reference, OrOne(boost), new FieldStats[_fields.Length]);
        _documents.Add(document);
        for (int f = 0; f < _fields.Length; f++)
        {
            var stats = new FieldStats(fields[f].Length, fields[f].Terms.Length);
            document.Fields[f] = stats;
            foreach (var analyzed in fields[f].Terms)
            {
                var term = analyzed.Term;
                if (term.Index < 0)
                {
                    // _index follows first occurrence: documents in add order, fields in order, tokens in order.
                    term.Index = _indexed.Count;
                    _indexed.Add(term);
                }
                stats.TermFrequencies.Add((term.Index, analyzed.Count));
                var positions = -1;
                if (analyzed.Positions is not null)
                {
                    positions = _positions.Count;
                    _positions.Add(analyzed.Positions);
                }
                (term.Postings[f] ??= []).Add(new Posting(docIndex, positions));
            }
            _totalFieldLengths[f] += stats.Length;
        }
    }

    /// <summary>Serializes the index exactly as <c>JSON.stringify(idx)</c> (no trailing newline).</summary>
    /// <param name="parallelism">How many processors write it; the text is the same for any value.</param>
    public string ToJson(int parallelism = 1)
    {
        var json = new StringBuilder();
        WriteJson(sb => sb.ToString(), piece => json.Append(piece), parallelism);
        return json.ToString();
    }

    /// <summary>
    /// <see cref="ToJson"/> in pieces, in order: each turned into its final form (the bytes of its file) by
    /// <paramref name="finish"/> on the processor that wrote it, then handed to <paramref name="emit"/>. A large site's
    /// index goes to its file this way, never whole: at 20,000 cards it is 170 MB.
    /// </summary>
    public void WriteJson<T>(Func<StringBuilder, T> finish, Action<T> emit, int parallelism = 1) where T : class
    {
        var head = new StringBuilder("{\"version\":");
        JsCompat.AppendString(head, LunrVersion);
        head.Append(",\"fields\":[");
        for (int f = 0; f < _fields.Length; f++)
        {
            if (f > 0) head.Append(',');
            JsCompat.AppendString(head, _fields[f].Name);
        }
        head.Append("],\"fieldVectors\":[");
        emit(finish(head));
        WriteFieldVectors(finish, emit, parallelism);
        emit(finish(new StringBuilder("],\"invertedIndex\":[")));
        WriteInvertedIndex(finish, emit, parallelism);
        // The search pipeline of lunr.nl in lunr-languages >= 1.16, not the index pipeline.
        emit(finish(new StringBuilder("],\"pipeline\":[\"trimmer-nl\",\"stemmer-nl\"]}")));
    }

    private void WriteFieldVectors<T>(Func<StringBuilder, T> finish, Action<T> emit, int parallelism) where T : class
    {
        int n = _documents.Count;
        var averageLengths = _totalFieldLengths.Select(total => (double)total / n).ToArray();
        var idf = new double[_indexed.Count];
        foreach (var term in _indexed) idf[term.Index] = InverseDocumentFrequency(term, n);

        TextBlocks.Write(n, 64, parallelism, (sb, from, to) =>
        {
            // Two arrays sorted by plain int keys: a list of pairs sorted with a comparison was a quarter of a second
            // of processor time in a profile of 20,000 cards (the stage itself: within the noise, docs/snelheid.md).
            var termIndexes = new int[256];
            var thousandths = new double[256]; // lunr keeps Math.round(score * 1000) / 1000
            for (int d = from; d < to; d++)
            {
                var document = _documents[d];
                for (int f = 0; f < _fields.Length; f++)
                {
                    FieldStats stats = document.Fields[f];
                    double fieldBoost = OrOne(_fields[f].Boost);
                    int count = stats.TermFrequencies.Count;
                    if (termIndexes.Length < count)
                    {
                        termIndexes = new int[count * 2];
                        thousandths = new double[count * 2];
                    }
                    for (int i = 0; i < count; i++)
                    {
                        var (termIndex, tf) = stats.TermFrequencies[i];
                        // BM25 in lunr's exact evaluation order, so every double rounds the same way.
                        double score = idf[termIndex] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (stats.Length / averageLengths[f])) + tf);
                        score *= fieldBoost;
                        score *= document.Boost;
                        termIndexes[i] = termIndex;
                        thousandths[i] = JsCompat.Round(score * 1000);
                    }
                    Array.Sort(termIndexes, thousandths, 0, count);

                    if (d > 0 || f > 0) sb.Append(',');
                    sb.Append('[');
                    JsCompat.AppendString(sb, _fields[f].Name + "/" + document.Reference);
                    sb.Append(",[");
                    for (int i = 0; i < count; i++)
                    {
                        if (i > 0) sb.Append(',');
                        sb.Append(termIndexes[i]).Append(',');
                        JsCompat.AppendThousandths(sb, thousandths[i]);
                    }
                    sb.Append("]]");
                }
            }
        }, finish, emit);
    }

    private static double InverseDocumentFrequency(Term term, int documentCount)
    {
        // Counts (field, document) pairs, as lunr.idf does, so it can exceed the document count.
        int documentsWithTerm = 0;
        foreach (var postings in term.Postings) documentsWithTerm += postings?.Count ?? 0;
        double x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
        return FdlibmLog.Log(1 + Math.Abs(x));
    }

    private void WriteInvertedIndex<T>(Func<StringBuilder, T> finish, Action<T> emit, int parallelism) where T : class
    {
        // Postings are objects keyed by docRef, so array-index-like refs are written first.
        var rank = new int[_documents.Count];
        var order = JsCompat.PropertyOrder([.. _documents.Select(d => d.Reference)]);
        for (int i = 0; i < order.Length; i++) rank[order[i]] = i;
        bool needsReorder = order.Where((docIndex, i) => docIndex != i).Any();
        // Each ref is written once per term it contains: quote it once.
        var quotedReferences = _documents.Select(d => JsCompat.Quote(d.Reference)).ToArray();

        // lunr.Index.load rejects terms that are not in UTF-16 code unit order.
        var terms = _indexed.OrderBy(t => t.Text, StringComparer.Ordinal).ToArray();
        TextBlocks.Write(terms.Length, 512, parallelism, (sb, from, to) =>
        {
            for (int t = from; t < to; t++)
            {
                var term = terms[t];
                if (t > 0) sb.Append(',');
                sb.Append('[');
                JsCompat.AppendString(sb, term.Text);
                sb.Append(",{");
                for (int k = 0; k <= _fields.Length; k++)
                {
                    if (k > 0) sb.Append(',');
                    // "_index" is a named key, so only the array-index-like field names (a prefix of _fields) precede it.
                    if (k == _numericFieldCount)
                    {
                        sb.Append("\"_index\":").Append(term.Index);
                        continue;
                    }
                    int f = k < _numericFieldCount ? k : k - 1;
                    JsCompat.AppendString(sb, _fields[f].Name);
                    sb.Append(":{");
                    List<Posting> postings = term.Postings[f] is not { } all ? [] : needsReorder ? [.. all.OrderBy(p => rank[p.DocIndex])] : all;
                    for (int p = 0; p < postings.Count; p++)
                    {
                        if (p > 0) sb.Append(',');
                        AppendPosting(sb, postings[p], quotedReferences);
                    }
                    sb.Append('}');
                }
                sb.Append("}]");
            }
        }, finish, emit);
    }

    private void AppendPosting(StringBuilder sb, Posting posting, string[] quotedReferences)
    {
        sb.Append(quotedReferences[posting.DocIndex]);
        if (posting.Positions < 0)
        {
            sb.Append(":{}");
            return;
        }
        sb.Append(":{\"position\":[");
        var positions = _positions[posting.Positions];
        for (int i = 0; i < positions.Count; i++)
        {
            if (i > 0) sb.Append(',');
            var (start, length) = positions[i];
            if (start < 0) sb.Append("null");
            else sb.Append('[').Append(start).Append(',').Append(length).Append(']');
        }
        sb.Append("]}");
    }

    /// <summary>JavaScript's <c>boost || 1</c>.</summary>
    private static double OrOne(double boost) => boost == 0 || double.IsNaN(boost) ? 1 : boost;

    private sealed record Document(string Reference, double Boost, FieldStats[] Fields);

    private sealed class FieldStats(int length, int distinctTerms)
    {
        public int Length { get; } = length;
        public List<(int TermIndex, int Count)> TermFrequencies { get; } = new(distinctTerms);
    }

    /// <summary>A term of the index; its number and postings are filled in by the thread that adds documents, in order.</summary>
    private sealed class Term(string text, int fieldCount)
    {
        public string Text { get; } = text;
        public int Index = -1;
        public List<Posting>?[] Postings { get; } = new List<Posting>?[fieldCount]; // null: not in that field
    }

    /// <summary>
    /// A document that has the term, and where its positions are kept in <see cref="_positions"/> (-1: none). Two ints:
    /// a site of 21,000 documents has millions of postings, almost always without positions.
    /// </summary>
    private readonly record struct Posting(int DocIndex, int Positions);
}
