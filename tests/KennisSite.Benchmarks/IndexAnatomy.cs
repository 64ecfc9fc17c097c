using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KennisSite.Search;

namespace KennisSite.Benchmarks;

/// <summary>
/// What the serialized search index and document store are made of, and what a split into a small first-loaded
/// index plus a full-text index would weigh. For the size budget: index + store against the indexed text.
/// </summary>
public sealed class IndexAnatomy
{
    public const int SnippetChars = 200;

    public required long IndexedTextBytes { get; init; }
    public required long TitleKeywordBytes { get; init; }
    public required long IndexBytes { get; init; }
    public required long StoreBytes { get; init; }
    public required long FieldVectorsBytes { get; init; }
    public required long InvertedIndexBytes { get; init; }
    public required long StoreTextBytes { get; init; }
    public required int Terms { get; init; }
    public required int FieldVectors { get; init; }
    public required long Postings { get; init; }
    public required long IndexGzip { get; init; }
    public required long StoreGzip { get; init; }
    public required long IndexBrotli { get; init; }
    public required long StoreBrotli { get; init; }
    public required long TextGzip { get; init; }
    public required long FieldVectorsGzip { get; init; }
    public required long InvertedIndexGzip { get; init; }

    /// <summary>
    /// The same index in a compact encoding that a small decoder in the page would turn back into lunr's JSON before
    /// lunr.Index.load: field vectors without their refs (the order is fixed), term indexes as deltas and scores as
    /// integers (×1000, so nothing is lost); postings as arrays of ref deltas instead of {"ref":{}} objects.
    /// Sizes only: there is no such decoder yet.
    /// </summary>
    public required long CompactFieldVectorsBytes { get; init; }
    public required long CompactInvertedIndexBytes { get; init; }

    /// <summary>The index as JSON (whatever script form zoekindex.js wraps it in).</summary>
    public required string IndexJson { get; init; }
    /// <summary>Index of title and keywords only (fields t, k): what a reader's first query would need. JSON.</summary>
    public required string SmallIndex { get; init; }
    /// <summary>Index of the body text only (field x), loaded after the small one. JSON.</summary>
    public required string TextIndex { get; init; }
    /// <summary>The store with the first <see cref="SnippetChars"/> characters of each text instead of all of it. JSON.</summary>
    public required string SnippetStore { get; init; }

    /// <summary>Whether zoekindex.js wraps its JSON in JSON.parse('…') (otherwise it is an object literal).</summary>
    public required bool BuiltWithJsonParse { get; init; }

    /// <summary>The split variants as scripts in the same form as the built files: window.BENCH_INDEX and window.BENCH_STORE.</summary>
    public (string Small, string Text, string Snippets) Scripts => _scripts ??= (
        Script("BENCH_INDEX", SmallIndex, BuiltWithJsonParse),
        Script("BENCH_INDEX", TextIndex, BuiltWithJsonParse),
        Script("BENCH_STORE", SnippetStore, BuiltWithJsonParse));

    private (string, string, string)? _scripts;

    public double Ratio => (IndexBytes + StoreBytes) / (double)IndexedTextBytes;

    public static IndexAnatomy Measure(IReadOnlyList<SearchDocument> documents, string index, string store)
    {
        var indexedText = documents.Sum(d => (long)Utf8(d.Title) + Utf8(d.Keywords) + Utf8(d.Text));
        var titleKeywords = documents.Sum(d => (long)Utf8(d.Title) + Utf8(d.Keywords));

        var indexJson = ScriptValue(index, "KENNIS_ZOEKINDEX");
        using var json = JsonDocument.Parse(indexJson);
        var fieldVectors = json.RootElement.GetProperty("fieldVectors");
        var invertedIndex = json.RootElement.GetProperty("invertedIndex");
        var fieldVectorsRaw = fieldVectors.GetRawText();
        var invertedIndexRaw = invertedIndex.GetRawText();
        long postings = 0;
        foreach (var entry in invertedIndex.EnumerateArray())
            foreach (var field in entry[1].EnumerateObject())
                if (field.Value.ValueKind == JsonValueKind.Object) postings += field.Value.EnumerateObject().Count();

        var (compactVectors, compactPostings) = Compact(fieldVectors, invertedIndex);

        using var storeJson = JsonDocument.Parse(ScriptValue(store, "KENNIS_DOCUMENTEN"));
        long storeText = 0;
        var snippetStore = new StringBuilder("[");
        var first = true;
        foreach (var doc in storeJson.RootElement.EnumerateArray())
        {
            storeText += Utf8(doc.GetProperty("x").GetRawText());
            var x = doc.GetProperty("x").GetString() ?? "";
            var snippet = new Dictionary<string, object?>
            {
                ["s"] = doc.GetProperty("s").GetString(), ["t"] = doc.GetProperty("t").GetString(), ["c"] = doc.GetProperty("c").GetString(),
                ["u"] = doc.GetProperty("u").GetString(), ["x"] = x.Length > SnippetChars ? x[..SnippetChars] : x,
                ["th"] = doc.GetProperty("th").EnumerateArray().Select(t => t.GetString()).ToArray(),
            };
            snippetStore.Append(first ? "\n" : ",\n").Append(JsonSerializer.Serialize(snippet, JsonOptions));
            first = false;
        }
        snippetStore.Append("\n]");

        return new IndexAnatomy
        {
            IndexJson = indexJson,
            BuiltWithJsonParse = index.Contains("window.KENNIS_ZOEKINDEX = JSON.parse('", StringComparison.Ordinal),
            IndexedTextBytes = indexedText,
            TitleKeywordBytes = titleKeywords,
            IndexBytes = Utf8(index),
            StoreBytes = Utf8(store),
            FieldVectorsBytes = Utf8(fieldVectorsRaw),
            InvertedIndexBytes = Utf8(invertedIndexRaw),
            StoreTextBytes = storeText,
            CompactFieldVectorsBytes = compactVectors,
            CompactInvertedIndexBytes = compactPostings,
            Terms = invertedIndex.GetArrayLength(),
            FieldVectors = fieldVectors.GetArrayLength(),
            Postings = postings,
            IndexGzip = Gzip(index),
            StoreGzip = Gzip(store),
            IndexBrotli = Brotli(index),
            StoreBrotli = Brotli(store),
            TextGzip = Gzip(string.Join("\n", documents.Select(d => $"{d.Title}\n{d.Keywords}\n{d.Text}"))),
            FieldVectorsGzip = Gzip(fieldVectorsRaw),
            InvertedIndexGzip = Gzip(invertedIndexRaw),
            SmallIndex = BuildIndex(documents, [new("t", 10), new("k", 3)], d => new() { ["t"] = d.Title, ["k"] = d.Keywords }),
            TextIndex = BuildIndex(documents, [new("x")], d => new() { ["x"] = d.Text }),
            SnippetStore = snippetStore.ToString(),
        };
    }

    private static (long Vectors, long Postings) Compact(JsonElement fieldVectors, JsonElement invertedIndex)
    {
        var vectors = new StringBuilder("[");
        foreach (var entry in fieldVectors.EnumerateArray())
        {
            vectors.Append(vectors.Length > 1 ? ",[" : "[");
            var previous = 0;
            var first = true;
            var isTerm = true;
            foreach (var number in entry[1].EnumerateArray())
            {
                if (!first) vectors.Append(',');
                first = false;
                if (isTerm)
                {
                    var term = number.GetInt32();
                    vectors.Append(term - previous);
                    previous = term;
                }
                else vectors.Append((long)Math.Round(number.GetDouble() * 1000));
                isTerm = !isTerm;
            }
            vectors.Append(']');
        }
        vectors.Append(']');

        var postings = new StringBuilder("[");
        foreach (var entry in invertedIndex.EnumerateArray())
        {
            postings.Append(postings.Length > 1 ? ",[" : "[").Append(JsonSerializer.Serialize(entry[0].GetString(), JsonOptions));
            foreach (var field in entry[1].EnumerateObject())
            {
                if (field.Name == "_index") continue;
                var refs = field.Value.EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
                postings.Append(",[");
                for (var i = 0; i < refs.Count; i++) postings.Append(i == 0 ? "" : ",").Append(refs[i] - (i == 0 ? 0 : refs[i - 1]));
                postings.Append(']');
            }
            postings.Append(']');
        }
        postings.Append(']');
        return (Utf8(vectors.ToString()), Utf8(postings.ToString()));
    }

    /// <summary>An index over some of the fields, with the same refs as the real one.</summary>
    private static string BuildIndex(IReadOnlyList<SearchDocument> documents, LunrField[] fields, Func<SearchDocument, Dictionary<string, LunrValue?>> values)
    {
        var builder = new LunrIndexBuilder(fields);
        for (var i = 0; i < documents.Count; i++) builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), values(documents[i]));
        return builder.ToJson();
    }

    /// <summary>A classic script that sets window.<paramref name="variable"/>: as JSON.parse('…') (V8 parses JSON faster than JavaScript) or as an object literal.</summary>
    public static string Script(string variable, string json, bool jsonParse) =>
        jsonParse ? SearchIndexFiles.Script(variable, json) : $"window.{variable} = {json};\n";

    /// <summary>The JSON that a generated script assigns to window.<paramref name="variable"/>, written either as JSON.parse('…') or as a literal.</summary>
    public static string ScriptValue(string script, string variable)
    {
        var prefix = $"window.{variable} = ";
        var start = script.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0) throw new FormatException($"'{prefix}' niet gevonden.");
        start += prefix.Length;
        const string parse = "JSON.parse('";
        if (string.CompareOrdinal(script, start, parse, 0, parse.Length) != 0)
        {
            var end = script.IndexOf(";\n", start, StringComparison.Ordinal);
            return end < 0 ? throw new FormatException($"Geen ';' na '{prefix}'.") : script[start..end];
        }
        var json = new StringBuilder();
        for (var i = start + parse.Length; i < script.Length; i++)
        {
            var c = script[i];
            if (c == '\'') return json.ToString();
            if (c != '\\') { json.Append(c); continue; }
            var e = script[++i];
            switch (e)
            {
                case 'n': json.Append('\n'); break;
                case 'r': json.Append('\r'); break;
                case 't': json.Append('\t'); break;
                case 'u': json.Append((char)Convert.ToInt32(script.Substring(i + 1, 4), 16)); i += 4; break;
                default: json.Append(e); break;
            }
        }
        throw new FormatException($"JSON.parse('…') van {variable} is niet afgesloten.");
    }

    public static long Utf8(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

    public static long Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.Length;
    }

    public static long Brotli(string text)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            brotli.Write(Encoding.UTF8.GetBytes(text));
        return buffer.Length;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
