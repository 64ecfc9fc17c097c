using System.Globalization;
using System.Text;
using KennisSite.Configuration;
using KennisSite.Diagnostics;

namespace KennisSite.Benchmarks;

/// <summary>
/// Writes a valid KennisSite site of any size in the content model of shared/spec/content-model.md, for benchmarks:
/// cahiers of about 6,000 words in about 8 chapters (with footnotes, quotes, lists and links to cards and themes),
/// practice-example cards of 150-250 words with every field filled, 20 themes and one free page. site.yml and
/// templates/ are copied from the repository, so the site always builds with the current templates and framework.
/// The text is real Dutch words with Zipf-like frequencies; the same seed gives the same bytes.
/// </summary>
public sealed class SyntheticSite
{
    public const int WordsPerCahier = 6000;

    private static readonly (string Slug, string Title, int Group)[] ThemeList =
    [
        ("armoede", "Armoede", 2), ("buurtgerichte-zorg", "Buurtgerichte zorg", 0), ("digitalisering", "Digitalisering", 1),
        ("diversiteit-en-inclusie", "Diversiteit en inclusie", 1), ("duurzaamheid", "Duurzaamheid", 1), ("eenzaamheid", "Eenzaamheid", 2),
        ("hybridisering", "Hybridisering", 1), ("mantelzorg", "Mantelzorg", 2), ("nabije-zorg", "Nabije zorg", 0), ("ouderen", "Ouderen", 2),
        ("vermaatschappelijking", "Vermaatschappelijking van de zorg", 2), ("vrijwilligerswerk", "Vrijwilligerswerk", 2), ("wonen", "Wonen", 0),
        ("zelforganisaties", "Zelforganisaties", 2), ("eerstelijnszorg", "Eerstelijnszorg", 0), ("jongeren", "Jongeren", 2),
        ("participatie", "Participatie", 1), ("toegankelijkheid", "Toegankelijkheid", 1), ("geestelijke-gezondheid", "Geestelijke gezondheid", 2),
        ("dementie", "Dementie", 2),
    ];

    private static readonly string[] Places =
    [
        "Anderlecht", "Brussel", "Elsene", "Etterbeek", "Evere", "Ganshoren", "Jette", "Koekelberg", "Oudergem", "Schaarbeek",
        "Sint-Agatha-Berchem", "Sint-Gillis", "Sint-Jans-Molenbeek", "Sint-Joost-ten-Node", "Sint-Lambrechts-Woluwe",
        "Sint-Pieters-Woluwe", "Ukkel", "Vorst", "Watermaal-Bosvoorde", "Antwerpen", "Gent", "Leuven", "Mechelen", "Brugge",
    ];

    private static readonly string[] TargetGroups =
    [
        "buurtbewoners", "ouderen", "alleenwonenden", "mantelzorgers", "vrijwilligers", "jongeren", "gezinnen", "nieuwkomers",
        "mensen met een beperking", "professionals", "studenten", "mensen in armoede", "personen met dementie", "huurders",
    ];

    private static readonly string[] FirstNames =
    [
        "An", "Bart", "Charlotte", "Dirk", "Els", "Fatima", "Geert", "Hanne", "Ilse", "Jan", "Karim", "Lies", "Mohamed", "Nele",
        "Olivia", "Pieter", "Rebecca", "Sofie", "Stefaan", "Tine", "Wim", "Youssef", "Zeynep", "Koen",
    ];

    private static readonly string[] LastNames =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Vermeulen",
        "Thys", "Vanmechelen", "El Amrani", "Dubois", "Lambrecht", "Verhoeven", "De Backer", "Aydin", "Kuylen",
    ];

    private static readonly string[] Funders =
    [
        "Vlaamse Gemeenschapscommissie", "Koning Boudewijnstichting", "Gemeenschappelijke Gemeenschapscommissie", "Lotto",
        "Burgerbegroting", "Europees Sociaal Fonds", "het lokaal bestuur", "Fonds Dr. Daniël De Coninck",
    ];

    private readonly Random _random;
    private readonly DutchVocabulary _words;

    private SyntheticSite(int seed, DutchVocabulary words)
    {
        _random = new Random(seed);
        _words = words;
    }

    /// <summary>Copies this repository's sample site (site.yml, content/, templates/) into <paramref name="folder"/>.</summary>
    public static void CopySample(string folder)
    {
        Directory.CreateDirectory(folder);
        File.Copy(RepoPaths.SiteYml, Path.Combine(folder, "site.yml"));
        CopyFolder(Path.Combine(RepoPaths.Root, "content"), Path.Combine(folder, "content"));
        CopyFolder(RepoPaths.Templates, Path.Combine(folder, "templates"));
    }

    /// <summary>Writes a site into <paramref name="folder"/> (created; must be empty or absent), using this repository's site.yml and templates/.</summary>
    public static SiteStats Write(string folder, int cahiers, int cards, int seed) =>
        Write(folder, cahiers, cards, seed, RepoPaths.SiteYml, RepoPaths.Templates, RepoPaths.DutchWords);

    public static SiteStats Write(string folder, int cahiers, int cards, int seed, string siteYml, string templates, string dutchWordsTsv)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cahiers);
        ArgumentOutOfRangeException.ThrowIfNegative(cards);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new IOException($"De map '{folder}' is niet leeg.");
        Directory.CreateDirectory(folder);

        File.Copy(siteYml, Path.Combine(folder, "site.yml"));
        CopyFolder(templates, Path.Combine(folder, "templates"));
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(folder, diagnostics)
            ?? throw new InvalidOperationException("site.yml van de repository is ongeldig: " + string.Join("; ", diagnostics.ToSortedList()));

        var site = new SyntheticSite(seed, DutchVocabulary.FromStemmerVectors(dutchWordsTsv, seed));
        return site.WriteContent(folder, config, cahiers, cards);
    }

    /// <summary>What was written, for the benchmark report.</summary>
    public sealed record SiteStats(int Cahiers, int Cards, int Themes, int Pages, long CahierWords, long CardWords, long ContentBytes);

    private SiteStats WriteContent(string folder, SiteConfig config, int cahierCount, int cardCount)
    {
        var content = Path.Combine(folder, "content");
        foreach (var kind in new[] { "cahiers", "praktijkvoorbeelden", "themas", "paginas" })
            Directory.CreateDirectory(Path.Combine(content, kind));
        long bytes = 0;
        void Save(string relative, string text)
        {
            var data = new UTF8Encoding(false).GetBytes(text);
            File.WriteAllBytes(Path.Combine(content, relative), data);
            bytes += data.Length;
        }

        var groups = config.ThemeGroups;
        foreach (var (slug, title, group) in ThemeList)
        {
            var text = new StringBuilder("---\ntitel: ").Append(Quoted(title)).Append('\n');
            if (groups.Count > 0) text.Append("groep: ").Append(groups[group % groups.Count].Key).Append('\n');
            text.Append("---\n").Append(Paragraph(40, 80)).Append('\n');
            Save($"themas/{slug}.md", text.ToString());
        }
        Save("paginas/over.md", "---\ntitel: Over deze kennisbank\nsamenvatting: " + Quoted(Sentence(12, 20)) + "\n---\n\n## Wie we zijn\n\n"
            + Paragraph(80, 120) + "\n\n## Wat we doen\n\n" + Paragraph(80, 120) + "\n");

        var width = Math.Max(4, cardCount.ToString(CultureInfo.InvariantCulture).Length);
        var cardSlugs = Enumerable.Range(1, cardCount).Select(i => "kaart-" + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')).ToArray();
        var cardTitles = cardSlugs.Select(_ => Title(2, 4)).ToArray();
        var cahierWidth = Math.Max(3, cahierCount.ToString(CultureInfo.InvariantCulture).Length);
        var cahierSlugs = Enumerable.Range(1, cahierCount).Select(i => "cahier-" + i.ToString(CultureInfo.InvariantCulture).PadLeft(cahierWidth, '0')).ToArray();

        long cahierWords = 0;
        for (var i = 0; i < cahierCount; i++)
        {
            var (text, words) = Cahier(i, cardSlugs, cardTitles);
            cahierWords += words;
            Save($"cahiers/{cahierSlugs[i]}.md", text);
        }
        long cardWords = 0;
        var functionKeys = config.Framework.Functions.Select(f => f.Key).ToList();
        for (var i = 0; i < cardCount; i++)
        {
            var (text, words) = Card(cardSlugs[i], cardTitles[i], functionKeys, config.Framework.Min, config.Framework.Max, cahierSlugs);
            cardWords += words;
            Save($"praktijkvoorbeelden/{cardSlugs[i]}.yml", text);
        }
        return new SiteStats(cahierCount, cardCount, ThemeList.Length, 1, cahierWords, cardWords, bytes);
    }

    private (string Text, long Words) Cahier(int index, string[] cardSlugs, string[] cardTitles)
    {
        var words = new WordCounter();
        var md = new StringBuilder("---\n");
        md.Append("titel: ").Append(Quoted(words.Count(Title(3, 7)))).Append('\n');
        md.Append("reeks: Cahier\nnummer: ").Append(index + 1).Append('\n');
        var date = new DateOnly(2010, 1, 1).AddDays(index * 41 + _random.Next(30));
        md.Append("datum: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        md.Append("auteurs: [").Append(string.Join(", ", Distinct(1, 3, Person).Select(Quoted))).Append("]\n");
        md.Append("samenvatting: ").Append(Quoted(words.Count(Paragraph(60, 90)))).Append('\n');
        md.Append("themas: [").Append(string.Join(", ", Themes())).Append("]\n");
        md.Append("---\n\n");
        md.Append(words.Count(Paragraph(60, 100))).Append("\n\n");

        var footnotes = new List<string>();
        var chapters = 7 + _random.Next(3);
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < chapters; c++)
        {
            string title;
            do title = Title(2, 5); while (!titles.Add(title));
            md.Append("## ").Append(words.Count(title)).Append("\n\n");
            var budget = (WordsPerCahier - words.Total) / (chapters - c);
            var chapterStart = words.Total;
            var links = cardSlugs.Length == 0 ? 0 : 1 + _random.Next(2);
            while (words.Total - chapterStart < budget)
            {
                var roll = _random.NextDouble();
                if (roll < 0.12)
                {
                    for (var b = 3 + _random.Next(3); b > 0; b--) md.Append("- ").Append(words.Count(Sentence(6, 14))[..^1]).Append(";\n");
                    md.Append('\n');
                    continue;
                }
                if (roll < 0.20)
                {
                    md.Append("> ").Append(words.Count(Sentence(10, 25))).Append("\n> -- ").Append(Speaker()).Append("\n\n");
                    continue;
                }
                var paragraph = new StringBuilder(words.Count(Paragraph(60, 140)));
                if (links > 0 && _random.NextDouble() < 0.5)
                {
                    links--;
                    var card = _random.Next(cardSlugs.Length);
                    paragraph.Append(" Zie ook [").Append(words.Count(cardTitles[card])).Append("](../praktijkvoorbeelden/").Append(cardSlugs[card]).Append(".yml).");
                }
                if (_random.NextDouble() < 0.1)
                {
                    var (slug, themeTitle, _) = ThemeList[_random.Next(ThemeList.Length)];
                    paragraph.Append(" Meer over [").Append(words.Count(themeTitle.ToLowerInvariant())).Append("](../themas/").Append(slug).Append(".md).");
                }
                if (_random.NextDouble() < 0.3)
                {
                    footnotes.Add(words.Count(Sentence(10, 25)));
                    paragraph.Append("[^").Append(footnotes.Count).Append(']');
                }
                md.Append(paragraph).Append("\n\n");
            }
        }
        for (var f = 0; f < footnotes.Count; f++) md.Append("[^").Append(f + 1).Append("]: ").Append(footnotes[f]).Append('\n');
        return (md.ToString(), words.Total);
    }

    private (string Text, long Words) Card(string slug, string title, IReadOnlyList<string> functionKeys, int min, int max, string[] cahierSlugs)
    {
        var words = new WordCounter();
        var target = 150 + _random.Next(101);
        var y = new StringBuilder();
        y.Append("titel: ").Append(Quoted(words.Count(title))).Append('\n');
        y.Append("plaats: ").Append(Quoted(Places[_random.Next(Places.Length)])).Append('\n');
        y.Append("organisatie: ").Append(Quoted(words.Count(Capitalized(_words.NextContentWord(_random)) + " vzw"))).Append('\n');
        y.Append("wat: ").Append(Quoted(words.Count(Paragraph(target * 3 / 10, target * 4 / 10)))).Append('\n');
        y.Append("waar: ").Append(Quoted(words.Count(Sentence(3, 8)))).Append('\n');
        y.Append("wie: ").Append(Quoted(words.Count(Sentence(8, 18)))).Append('\n');
        y.Append("doelgroepen: [").Append(string.Join(", ", Distinct(1, 3, () => TargetGroups[_random.Next(TargetGroups.Length)]).Select(Quoted))).Append("]\n");
        var started = 2000 + _random.Next(25);
        y.Append("gestart: ").Append(started).Append('\n');
        if (_random.NextDouble() < 0.25) y.Append("einde: ").Append(started + 1 + _random.Next(5)).Append('\n');

        y.Append("aanpak:\n");
        var phases = 2 + _random.Next(2);
        for (var p = 0; p < phases; p++)
        {
            y.Append("  - titel: ").Append(Quoted(words.Count(Title(2, 5)))).Append("\n    stappen:\n");
            for (var s = 1 + _random.Next(3); s > 0; s--) y.Append("      - ").Append(Quoted(words.Count(Sentence(8, 18)))).Append('\n');
        }
        y.Append("leerpunten:\n");
        for (var l = 2 + _random.Next(3); l > 0; l--) y.Append("  - ").Append(Quoted(words.Count(Sentence(6, 14)))).Append('\n');
        var remaining = (int)(target - words.Total);
        if (remaining > 15)
        {
            y.Append("acties:\n");
            while (remaining > 15)
            {
                var quote = Sentence(Math.Min(12, remaining - 5), Math.Min(35, remaining));
                y.Append("  - titel: ").Append(Quoted(words.Count(Title(2, 4)))).Append("\n    citaat: ").Append(Quoted(words.Count(quote))).Append('\n');
                remaining = (int)(target - words.Total);
            }
        }
        y.Append("contact:\n  personen: [").Append(Quoted(Person())).Append("]\n");
        y.Append("  website: ").Append(Quoted($"https://{slug}.example.org/")).Append('\n');
        y.Append("  email: ").Append(Quoted($"info@{slug}.example.org")).Append('\n');
        y.Append("steun: [").Append(string.Join(", ", Distinct(1, 2, () => Funders[_random.Next(Funders.Length)]).Select(Quoted))).Append("]\n");
        y.Append("functies:\n");
        foreach (var key in functionKeys) y.Append("  ").Append(key).Append(": ").Append(_random.Next(min, max + 1)).Append('\n');
        y.Append("beoordeling:\n  door: Kenniscentrum WWZ\n  datum: ")
            .Append(Quoted($"{started + _random.Next(3)}-{1 + _random.Next(12):00}")).Append('\n');
        y.Append("  toelichting: ").Append(Quoted(words.Count(Sentence(8, 16)))).Append('\n');
        y.Append("themas: [").Append(string.Join(", ", Themes())).Append("]\n");
        if (cahierSlugs.Length > 0 && _random.NextDouble() < 0.4) y.Append("cahier: ").Append(cahierSlugs[_random.Next(cahierSlugs.Length)]).Append('\n');
        return (y.ToString(), words.Total);
    }

    private IEnumerable<string> Themes() => Distinct(1, 3, () => ThemeList[_random.Next(ThemeList.Length)].Slug);

    private List<string> Distinct(int min, int max, Func<string> next)
    {
        var count = min + _random.Next(max - min + 1);
        var list = new List<string>();
        while (list.Count < count)
        {
            var item = next();
            if (!list.Contains(item)) list.Add(item);
        }
        return list;
    }

    private string Person() => $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}";

    private string Speaker() => _random.Next(4) switch
    {
        0 => "een deelnemer aan de praatronde",
        1 => "een vrijwilliger",
        2 => "een buurtbewoner",
        _ => Person(),
    };

    private string Title(int min, int max)
    {
        var count = min + _random.Next(max - min + 1);
        var words = new string[count];
        for (var i = 0; i < count; i++) words[i] = i == 0 || _random.NextDouble() < 0.6 ? _words.NextContentWord(_random) : _words.Next(_random);
        words[0] = Capitalized(words[0]);
        return string.Join(' ', words);
    }

    private string Sentence(int min, int max)
    {
        var count = min + _random.Next(Math.Max(1, max - min + 1));
        var s = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var word = _words.Next(_random);
            if (i == 0) s.Append(Capitalized(word));
            else s.Append(' ').Append(word);
            if (i > 2 && i < count - 2 && _random.NextDouble() < 0.06) s.Append(',');
        }
        return s.Append('.').ToString();
    }

    private string Paragraph(int minWords, int maxWords)
    {
        var target = minWords + _random.Next(Math.Max(1, maxWords - minWords + 1));
        var text = new StringBuilder();
        var written = 0;
        while (written < target)
        {
            var length = Math.Min(6 + _random.Next(16), Math.Max(3, target - written));
            if (text.Length > 0) text.Append(' ');
            text.Append(Sentence(length, length));
            written += length;
        }
        return text.ToString();
    }

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>A YAML double-quoted scalar, so no generated word can turn into a boolean, a number or a key.</summary>
    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class WordCounter
    {
        public long Total { get; private set; }

        public string Count(string text)
        {
            Total += text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            return text;
        }
    }
}
