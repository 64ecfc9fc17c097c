using System.Globalization;
using System.Text;
using System.Xml;
using KennisSite.Content;
using KennisSite.Linking;

namespace KennisSite.Rendering;

/// <summary>feed.xml (Atom) with the newest cahiers and practice examples, and sitemap.xml when the site has a basis-url.</summary>
public static class FeedWriter
{
    private const int FeedSize = 20;

    public static byte[] Feed(SiteContent content, SiteUrls urls)
    {
        var baseUrl = content.Config.BaseUrl;
        string Link(string path) => baseUrl is null ? urls.Href(path) : new Uri(baseUrl, urls.Href(path)).ToString();
        string Id(string path) => baseUrl is null ? $"tag:kennissite,2018:{path}" : Link(path);

        var entries = content.Cahiers.Select(c => (Date: c.Date, Title: c.Title, Path: SiteUrls.Cahier(c.Slug), Summary: c.Summary, Kind: "Cahier"))
            .Concat(content.Cards.Select(c => (Date: CardDate(c, content), Title: c.Title, Path: SiteUrls.Card(c.Slug), Summary: c.What, Kind: "Praktijkvoorbeeld")))
            .OrderByDescending(e => e.Date).ThenBy(e => e.Path, StringComparer.Ordinal)
            .Take(FeedSize).ToList();
        var updated = entries.Count == 0 ? new DateOnly(2000, 1, 1) : entries.Max(e => e.Date);

        return Write(xml =>
        {
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("xml", "lang", null, XmlSafe(content.Config.Language));
            xml.WriteElementString("title", XmlSafe(content.Config.Title));
            xml.WriteElementString("id", Id("feed.xml"));
            xml.WriteElementString("updated", Timestamp(updated));
            Element(xml, "link", ("rel", "self"), ("href", Link("feed.xml")));
            Element(xml, "link", ("rel", "alternate"), ("href", Link(SiteUrls.Home)));
            xml.WriteStartElement("author");
            xml.WriteElementString("name", XmlSafe(content.Config.Title));
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry");
                xml.WriteElementString("title", XmlSafe(entry.Title));
                xml.WriteElementString("id", Id(entry.Path));
                xml.WriteElementString("updated", Timestamp(entry.Date));
                Element(xml, "link", ("rel", "alternate"), ("href", Link(entry.Path)));
                Element(xml, "category", ("term", entry.Kind));
                xml.WriteElementString("summary", XmlSafe(entry.Summary));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    public static byte[] Sitemap(Uri baseUrl, IEnumerable<string> pagePaths, SiteUrls urls) => Write(xml =>
    {
        xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
        foreach (var path in pagePaths.Where(p => p != SiteUrls.NotFound).Order(StringComparer.Ordinal))
        {
            xml.WriteStartElement("url");
            xml.WriteElementString("loc", new Uri(baseUrl, urls.Href(path)).ToString());
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    /// <summary>A card has no publication date of its own: the date it was scored, else its cahier's, else its start year.</summary>
    private static DateOnly CardDate(PracticeCard card, SiteContent content)
    {
        if (card.Assessment?.Date is { } scored)
        {
            var padded = scored.Length switch { 4 => scored + "-01-01", 7 => scored + "-01", _ => scored };
            return DateOnly.ParseExact(padded, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (content.CahierOf(card) is { } cahier) return cahier.Date;
        return new DateOnly(card.Started ?? 2000, 1, 1);
    }

    /// <summary>Characters XML 1.0 cannot hold (control characters pasted from word processors) are left out of the feed.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) builder.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) builder.Append(text[i]).Append(text[++i]);
        }
        return builder.ToString();
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static void Element(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name);
        foreach (var (n, v) in attributes) xml.WriteAttributeString(n, v);
        xml.WriteEndElement();
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n", IndentChars = "  " };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
