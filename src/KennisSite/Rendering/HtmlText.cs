using System.Buffers;
using System.Text;

namespace KennisSite.Rendering;

public static class HtmlText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    /// <summary>Escapes for text and for quoted attribute values; leaves other characters (é, ë) readable in the output.</summary>
    public static string Encode(string text)
    {
        if (!text.AsSpan().ContainsAny(Special)) return text;
        var builder = new StringBuilder(text.Length + 16);
        Encode(text, (part, start, count) => builder.Append(part, start, count));
        return builder.ToString();
    }

    /// <summary>
    /// <see cref="Encode(string)"/> handed out as stretches of the text and entities, so a page can take them without an
    /// escaped copy of every value it writes.
    /// </summary>
    public static void Encode(string text, Action<string, int, int> write)
    {
        for (var done = 0; done < text.Length;)
        {
            var next = text.AsSpan(done).IndexOfAny(Special);
            if (next < 0)
            {
                write(text, done, text.Length - done);
                return;
            }
            if (next > 0) write(text, done, next);
            var entity = Entity(text[done + next]);
            write(entity, 0, entity.Length);
            done += next + 1;
        }
    }

    private static string Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        _ => "&#39;",
    };
}
