using System.Buffers;
using System.Text;

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

    /// <returns>The contents of <see cref="IndexFile"/> and <see cref="DocumentsFile"/>, as UTF-8.</returns>
    /// <param name="parallelism">How many documents are analysed at once; the index is the same for any value.</param>
    public static (byte[] Index, byte[] Documents) Build(IReadOnlyList<SearchDocument> documents, IReadOnlyDictionary<string, string> themeTitles, int parallelism = 1)
    {
        var builder = new LunrIndexBuilder(Fields);
        builder.AddAll(documents.Select((d, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (IReadOnlyDictionary<string, LunrValue?>)new Dictionary<string, LunrValue?> { ["t"] = d.Title, ["k"] = d.Keywords, ["x"] = d.Text })).ToList(), parallelism);
        byte[] index = [], store = [];
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => index = Join(Script("KENNIS_ZOEKINDEX", builder.JsonParts(parallelism), parallelism)),
            () => store = Join([.. Script("KENNIS_DOCUMENTEN", Store(documents, parallelism), parallelism),
                .. Script("KENNIS_THEMAS", [Themes(themeTitles)], parallelism)]));
        return (index, store);
    }

    /// <summary>Short keys keep the store small; the ref of a document in the index is its position here.</summary>
    private static IReadOnlyList<string> Store(IReadOnlyList<SearchDocument> documents, int parallelism) =>
        ["[", .. TextBlocks.Write(documents.Count, 256, parallelism, (js, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var d = documents[i];
                js.Append(i == 0 ? "\n" : ",\n").Append("{\"s\":");
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
        }), "\n]"];

    private static string Themes(IReadOnlyDictionary<string, string> themeTitles)
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
        return themes.Append("\n}").ToString();
    }

    /// <summary>
    /// JSON inside JSON.parse('...') rather than as an object literal: browsers parse JSON several times faster than
    /// JavaScript source, which decides how soon the first result shows on a large site.
    /// </summary>
    public static string Script(string variable, string json) => $"window.{variable} = JSON.parse('{Escape(json)}');\n";

    /// <summary><see cref="Script(string, string)"/> from JSON in pieces, as UTF-8 in pieces: the pieces are escaped and encoded in parallel.</summary>
    private static byte[][] Script(string variable, IReadOnlyList<string> jsonParts, int parallelism)
    {
        var pieces = new byte[jsonParts.Count + 2][];
        pieces[0] = Encoding.UTF8.GetBytes($"window.{variable} = JSON.parse('");
        Parallel.For(0, jsonParts.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            i => pieces[i + 1] = Encoding.UTF8.GetBytes(Escape(jsonParts[i])));
        pieces[^1] = "');\n"u8.ToArray();
        return pieces;
    }

    /// <summary>What JSON needs to sit inside a single-quoted JavaScript string. A piece never splits a surrogate pair.</summary>
    private static string Escape(string json)
    {
        var rest = json.AsSpan();
        if (rest.IndexOfAny(Escaped) < 0) return json;
        var js = new StringBuilder(json.Length + json.Length / 16);
        for (int next; (next = rest.IndexOfAny(Escaped)) >= 0; rest = rest[(next + 1)..])
        {
            js.Append(rest[..next]).Append(rest[next] switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\u2028' => "\\u2028",
                _ => "\\u2029",
            });
        }
        return js.Append(rest).ToString();
    }

    private static byte[] Join(IReadOnlyList<byte[]> pieces)
    {
        var joined = new byte[pieces.Sum(p => (long)p.Length)];
        var at = 0;
        foreach (var piece in pieces)
        {
            piece.CopyTo(joined, at);
            at += piece.Length;
        }
        return joined;
    }

    private static readonly SearchValues<char> Escaped = SearchValues.Create("\\'\n\r\u2028\u2029");
}
