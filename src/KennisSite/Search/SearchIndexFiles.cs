using System.Buffers;
using System.Text;
using KennisSite.Input;

namespace KennisSite.Search;

/// <summary>
/// The search index and the document store as classic scripts next to the search page, so search works from
/// file:// where fetch() of local files is refused.
/// </summary>
public static class SearchIndexFiles
{
    public const string IndexFile = "zoeken/zoekindex.js";
    public const string DocumentsFile = "zoeken/documenten.js";

    /// <summary>Title, keywords (place, organisation, themes, target groups) and text. One-letter names: every term in the index repeats every field name.</summary>
    public static readonly IReadOnlyList<LunrField> Fields = [new("t", 10), new("k", 3), new("x")];

    /// <summary>
    /// The contents of <see cref="IndexFile"/> and <see cref="DocumentsFile"/> as UTF-8, each in pieces to be written one
    /// after the other. A one-off build calls the two halves itself, <see cref="IndexAndWriteStore"/> and
    /// <see cref="WriteIndex"/>, and writes each piece to its file as it is made: at 20,000 cards the two files are a
    /// quarter of a gigabyte, which is then never in memory at once.
    /// </summary>
    /// <param name="parallelism">How many documents are analysed at once; the files are the same for any value.</param>
    public static (IReadOnlyList<byte[]> Index, IReadOnlyList<byte[]> Documents) Build(IReadOnlyList<SearchDocument> documents,
        IReadOnlyDictionary<string, string> themeTitles, int parallelism = 1) =>
        Build([documents], themeTitles, piece => piece, parallelism);

    /// <summary>
    /// <see cref="Build(IReadOnlyList{SearchDocument}, IReadOnlyDictionary{string, string}, int)"/> from documents in
    /// rounds, each piece turned by <paramref name="finish"/> as in <see cref="IndexAndWriteStore"/>.
    /// </summary>
    public static (IReadOnlyList<T> Index, IReadOnlyList<T> Documents) Build<T>(IEnumerable<IReadOnlyList<SearchDocument>> rounds,
        IReadOnlyDictionary<string, string> themeTitles, Func<byte[], T> finish, int parallelism) where T : class
    {
        List<T> index = [], store = [];
        WriteIndex(IndexAndWriteStore(rounds, themeTitles, finish, store.Add, parallelism), finish, index.Add, parallelism);
        return (index, store);
    }

    /// <summary>
    /// The first half of <see cref="Build"/>: builds the index and, alongside, writes the store to
    /// <paramref name="store"/> in order, one round of documents after the other (<see cref="SearchDocuments.InRounds"/>).
    /// Once a round is done nothing here holds it, and once this returns nothing holds any document while the index is
    /// written: at 20,000 cards they are 0.2 GB of text.
    /// </summary>
    /// <param name="finish">
    /// Turns each piece of UTF-8 into what <paramref name="store"/> takes, on the processor that wrote the piece: a
    /// one-off build deflates it there for the zip.
    /// </param>
    public static LunrIndexBuilder IndexAndWriteStore<T>(IEnumerable<IReadOnlyList<SearchDocument>> rounds, IReadOnlyDictionary<string, string> themeTitles,
        Func<byte[], T> finish, Action<T> store, int parallelism) where T : class
    {
        var builder = new LunrIndexBuilder(Fields);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        store(finish(ScriptStart("KENNIS_DOCUMENTEN")));
        store(finish(EscapedUtf8(new StringBuilder("["))));
        var first = 0;
        foreach (var documents in rounds)
        {
            var offset = first;
            Parallel.Invoke(options,
                () => builder.AddAll(documents.Select((d, i) => ((offset + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    (IReadOnlyDictionary<string, LunrValue?>)new Dictionary<string, LunrValue?> { ["t"] = d.Title, ["k"] = d.Keywords, ["x"] = d.Text })).ToList(), parallelism),
                () => WriteStore(documents, offset, finish, store, parallelism));
            first += documents.Count;
        }
        builder.ForgetTokenCaches();
        store(finish(EscapedUtf8(new StringBuilder("\n]"))));
        store(finish(ScriptEnd));
        store(finish(ScriptStart("KENNIS_THEMAS")));
        store(finish(EscapedUtf8(Themes(themeTitles))));
        store(finish(ScriptEnd));
        return builder;
    }

    /// <summary>
    /// The second half of <see cref="Build"/>: the index, as the script the search page loads, to <paramref name="index"/>
    /// in order, each piece turned by <paramref name="finish"/> as in <see cref="IndexAndWriteStore"/>.
    /// </summary>
    public static void WriteIndex<T>(LunrIndexBuilder builder, Func<byte[], T> finish, Action<T> index, int parallelism) where T : class
    {
        index(finish(ScriptStart("KENNIS_ZOEKINDEX")));
        builder.WriteJson(json => finish(EscapedUtf8(json)), index, parallelism);
        index(finish(ScriptEnd));
    }

    /// <summary>Short keys keep the store small; the ref of a document in the index is its position in the store.</summary>
    /// <param name="first">The position of the first of these documents.</param>
    private static void WriteStore<T>(IReadOnlyList<SearchDocument> documents, int first, Func<byte[], T> finish, Action<T> store, int parallelism)
        where T : class
    {
        TextBlocks.Write(documents.Count, 256, parallelism, (js, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var d = documents[i];
                js.Append(first + i == 0 ? "\n" : ",\n").Append("{\"s\":");
                JsCompat.AppendString(js, d.Kind);
                js.Append(",\"t\":");
                JsCompat.AppendString(js, d.Title);
                js.Append(",\"c\":");
                JsCompat.AppendString(js, d.Context);
                js.Append(",\"u\":");
                JsCompat.AppendString(js, d.Url);
                js.Append(",\"x\":");
                JsCompat.AppendString(js, d.Text);
                js.Append(",\"th\":[");
                for (var t = 0; t < d.Themes.Count; t++)
                {
                    if (t > 0) js.Append(',');
                    JsCompat.AppendString(js, d.Themes[t]);
                }
                js.Append("]}");
            }
        }, json => finish(EscapedUtf8(json)), store);
    }

    private static StringBuilder Themes(IReadOnlyDictionary<string, string> themeTitles)
    {
        var themes = new StringBuilder("{");
        var first = true;
        foreach (var (slug, title) in themeTitles.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            themes.Append(first ? "\n" : ",\n");
            first = false;
            JsCompat.AppendString(themes, slug);
            themes.Append(':');
            JsCompat.AppendString(themes, title);
        }
        return themes.Append("\n}");
    }

    /// <summary>
    /// JSON inside JSON.parse('...') rather than as an object literal: browsers parse JSON several times faster than
    /// JavaScript source, which decides how soon the first result shows on a large site.
    /// </summary>
    public static string Script(string variable, string json)
    {
        var js = new StringBuilder(json.Length + 64).Append("window.").Append(variable).Append(" = JSON.parse('");
        Escape(new StringBuilder(json), text => js.Append(text));
        return js.Append("');\n").ToString();
    }

    private static byte[] ScriptStart(string variable) => Encoding.UTF8.GetBytes($"window.{variable} = JSON.parse('");

    private static readonly byte[] ScriptEnd = "');\n"u8.ToArray();

    /// <summary>
    /// A piece of JSON as it sits inside a single-quoted JavaScript string, straight from the builder to UTF-8: no
    /// string and no escaped copy of a piece that can be megabytes.
    /// </summary>
    private static byte[] EscapedUtf8(StringBuilder json) => Utf8Text.Encode(sink => Escape(json, sink));

    /// <summary>Hands the builder's text to <paramref name="sink"/> in pieces, with what JSON.parse('...') needs escaped.</summary>
    private static void Escape(StringBuilder json, Utf8Text.Sink sink)
    {
        foreach (var chunk in json.GetChunks())
        {
            var rest = chunk.Span;
            for (int next; (next = rest.IndexOfAny(Escaped)) >= 0; rest = rest[(next + 1)..])
            {
                sink(rest[..next]);
                sink(rest[next] switch
                {
                    '\\' => "\\\\",
                    '\'' => "\\'",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\u2028' => "\\u2028",
                    _ => "\\u2029",
                });
            }
            sink(rest);
        }
    }

    private static readonly SearchValues<char> Escaped = SearchValues.Create("\\'\n\r\u2028\u2029");
}
