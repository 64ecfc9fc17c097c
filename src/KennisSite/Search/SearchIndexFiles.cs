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

    /// <returns>The contents of <see cref="IndexFile"/> and <see cref="DocumentsFile"/>.</returns>
    /// <param name="parallelism">How many documents are analysed at once; the index is the same for any value.</param>
    public static (string Index, string Documents) Build(IReadOnlyList<SearchDocument> documents, IReadOnlyDictionary<string, string> themeTitles, int parallelism = 1)
    {
        var builder = new LunrIndexBuilder(Fields);
        builder.AddAll(documents.Select((d, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (IReadOnlyDictionary<string, LunrValue?>)new Dictionary<string, LunrValue?> { ["t"] = d.Title, ["k"] = d.Keywords, ["x"] = d.Text })).ToList(), parallelism);
        string index = "", store = "";
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => index = Script("KENNIS_ZOEKINDEX", builder.ToJson(parallelism)),
            () => store = Store(documents, themeTitles));
        return (index, store);
    }

    /// <summary>Short keys keep the store small; the ref of a document in the index is its position here.</summary>
    private static string Store(IReadOnlyList<SearchDocument> documents, IReadOnlyDictionary<string, string> themeTitles)
    {
        var js = new StringBuilder("[");
        for (var i = 0; i < documents.Count; i++)
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
        js.Append("\n]");
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
        themes.Append("\n}");
        return Script("KENNIS_DOCUMENTEN", js.ToString()) + Script("KENNIS_THEMAS", themes.ToString());
    }

    /// <summary>
    /// JSON inside JSON.parse('...') rather than as an object literal: browsers parse JSON several times faster than
    /// JavaScript source, which decides how soon the first result shows on a large site.
    /// </summary>
    public static string Script(string variable, string json)
    {
        var js = new StringBuilder(json.Length + json.Length / 16 + 64).Append("window.").Append(variable).Append(" = JSON.parse('");
        var rest = json.AsSpan();
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
        return js.Append(rest).Append("');\n").ToString();
    }

    private static readonly SearchValues<char> Escaped = SearchValues.Create("\\'\n\r\u2028\u2029");
}
