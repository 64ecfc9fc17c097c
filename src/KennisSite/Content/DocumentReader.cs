using System.Globalization;
using System.Text.RegularExpressions;
using KennisSite.Configuration;
using KennisSite.Diagnostics;
using KennisSite.Markdown;
using KennisSite.Yaml;
using YamlDotNet.RepresentationModel;

namespace KennisSite.Content;

/// <summary>Maps editors' YAML onto typed records, checking each field where it is written.</summary>
internal sealed partial class DocumentReader(SiteConfig config, MarkdownParser markdown, DiagnosticBag diagnostics)
{
    private static readonly string[] CahierKeys = ["titel", "reeks", "nummer", "datum", "auteurs", "samenvatting", "themas", "functies", "omslag", "concept"];
    private static readonly string[] ThemeKeys = ["titel", "groep"];
    private static readonly string[] PageKeys = ["titel", "samenvatting", "concept"];
    private static readonly string[] CardKeys =
        ["titel", "plaats", "organisatie", "wat", "waar", "wie", "doelgroepen", "gestart", "einde", "aanpak", "leerpunten",
         "acties", "contact", "steun", "functies", "beoordeling", "themas", "cahier", "concept"];
    private static readonly string[] PhaseKeys = ["titel", "stappen"];
    private static readonly string[] ActionKeys = ["titel", "citaat"];
    private static readonly string[] ContactKeys = ["personen", "website", "email"];
    private static readonly string[] AssessmentKeys = ["door", "datum", "toelichting"];

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex PartialDate();

    public (Cahier, bool Draft)? ReadCahier(SourceFile file, string slug)
    {
        const string what = "een cahier";
        var yaml = FrontMatter.Read(file, diagnostics);
        if (yaml is null) return null;
        yaml.RejectUnknownKeys(CahierKeys, what);
        var title = yaml.RequiredString("titel", what);
        var date = RequiredDate(yaml, "datum", what);
        var authors = yaml.StringList("auteurs");
        if (authors.Count == 0) RequireNonEmpty(yaml, "auteurs", what, "minstens één auteur");
        var summary = yaml.RequiredString("samenvatting", what);
        var themes = yaml.StringList("themas");
        if (themes.Count == 0) RequireNonEmpty(yaml, "themas", what, "minstens één thema");
        var functions = yaml.StringList("functies");
        var cover = yaml.OptionalString("omslag") is { } c ? new Positioned<string>(c, yaml.ValueLocation("omslag")) : null;
        var draft = yaml.OptionalBool("concept", false);
        var number = yaml.OptionalInt("nummer");
        var series = yaml.OptionalString("reeks") ?? "Cahier";
        var body = Body(file);
        if (title is null || date is null || summary is null || body is null) return null;
        var cahier = new Cahier(slug, file, title, series, number, date.Value, authors.Select(a => a.Value).ToList(), summary,
            themes, functions, cover, body);
        return (cahier, draft);
    }

    public Theme? ReadTheme(SourceFile file, string slug)
    {
        const string what = "een thema";
        var yaml = FrontMatter.Read(file, diagnostics);
        if (yaml is null) return null;
        yaml.RejectUnknownKeys(ThemeKeys, what);
        var title = yaml.RequiredString("titel", what);
        var group = yaml.OptionalString("groep") is { } g ? new Positioned<string>(g, yaml.ValueLocation("groep")) : null;
        var body = Body(file);
        return title is null || body is null ? null : new Theme(slug, file, title, group, body);
    }

    public (Page, bool Draft)? ReadPage(SourceFile file, string slug)
    {
        const string what = "een pagina";
        var yaml = FrontMatter.Read(file, diagnostics);
        if (yaml is null) return null;
        yaml.RejectUnknownKeys(PageKeys, what);
        var title = yaml.RequiredString("titel", what);
        var summary = yaml.OptionalString("samenvatting");
        var draft = yaml.OptionalBool("concept", false);
        var body = Body(file);
        return title is null || body is null ? null : (new Page(slug, file, title, summary, body), draft);
    }

    public (PracticeCard, bool Draft)? ReadCard(SourceFile file, string slug)
    {
        const string what = "een praktijkvoorbeeld";
        var yaml = YamlText.ParseMapping(file.Text, file.Path, 1, diagnostics);
        if (yaml is null) return null;
        yaml.RejectUnknownKeys(CardKeys, what);
        var title = yaml.RequiredString("titel", what);
        var place = yaml.RequiredString("plaats", what);
        var organisation = yaml.RequiredString("organisatie", what);
        var description = yaml.RequiredString("wat", what);
        var started = Year(yaml, "gestart");
        var ended = Year(yaml, "einde");
        if (started is not null && ended is not null && ended < started)
            diagnostics.Error(DiagnosticCodes.InvalidDate, $"'einde' ({ended}) ligt vóór 'gestart' ({started}).", yaml.ValueLocation("einde"));

        var approach = new List<Phase>();
        foreach (var phase in yaml.MapList("aanpak"))
        {
            phase.RejectUnknownKeys(PhaseKeys, "een fase van 'aanpak'");
            var phaseTitle = phase.RequiredString("titel", "een fase van 'aanpak'");
            if (phaseTitle is not null) approach.Add(new Phase(phaseTitle, phase.StringList("stappen").Select(s => s.Value).ToList()));
        }
        var actions = new List<QuotedAction>();
        foreach (var action in yaml.MapList("acties"))
        {
            action.RejectUnknownKeys(ActionKeys, "een actie");
            var actionTitle = action.RequiredString("titel", "een actie");
            var quote = action.RequiredString("citaat", "een actie");
            if (actionTitle is not null && quote is not null) actions.Add(new QuotedAction(actionTitle, quote));
        }

        var contact = ReadContact(yaml.Map("contact"));
        var assessment = ReadAssessment(yaml.Map("beoordeling"));
        var scores = ReadScores(yaml);
        var themes = yaml.StringList("themas");
        if (themes.Count == 0) RequireNonEmpty(yaml, "themas", what, "minstens één thema");
        var cahier = yaml.OptionalString("cahier") is { } c ? new Positioned<string>(c, yaml.ValueLocation("cahier")) : null;
        var draft = yaml.OptionalBool("concept", false);
        var lessons = yaml.StringList("leerpunten").Select(l => l.Value).ToList();
        var groups = yaml.StringList("doelgroepen").Select(l => l.Value).ToList();
        var funders = yaml.StringList("steun").Select(l => l.Value).ToList();

        if (title is null || place is null || organisation is null || description is null || scores is null) return null;
        var card = new PracticeCard(slug, file.Path, title, place, organisation, description, yaml.OptionalString("waar"), yaml.OptionalString("wie"),
            groups, started, ended, approach, lessons, actions, contact, funders, scores, assessment, themes, cahier);
        return (card, draft);
    }

    private Markdig.Syntax.MarkdownDocument? Body(SourceFile file)
    {
        var body = markdown.Parse(file.Text, out var line);
        if (body is null)
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep,
                "De tekst is te diep genest (honderden citaten, lijsten of haakjes in elkaar); zo'n bestand kan KennisSite niet veilig lezen.",
                new SourceLocation(file.Path, line ?? 0, line is null ? 0 : 1));
        return body;
    }

    private IReadOnlyList<FunctionScore>? ReadScores(YamlMap card)
    {
        var framework = config.Framework;
        var map = card.Map("functies");
        if (map is null)
        {
            if (!card.Has("functies"))
                diagnostics.Error(DiagnosticCodes.RequiredFieldMissing,
                    $"Verplichte sleutel 'functies' ontbreekt in een praktijkvoorbeeld: geef een score van {framework.Min} tot {framework.Max} voor {string.Join(", ", framework.Functions.Select(f => f.Key))}.",
                    card.Location);
            return null;
        }
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var complete = true;
        foreach (var (key, keyNode, value) in map.Entries)
        {
            if (framework.Find(key) is null)
            {
                var hint = Suggestions.Closest(key, framework.Functions.Select(f => f.Key));
                diagnostics.Error(DiagnosticCodes.UnknownFunction,
                    hint is null
                        ? $"Onbekende functie '{key}'. De functies van deze site zijn: {string.Join(", ", framework.Functions.Select(f => f.Key))}."
                        : $"Onbekende functie '{key}'. Bedoelde je '{hint}'?",
                    map.At(keyNode));
                complete = false;
                continue;
            }
            if (value is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score)
                && score >= framework.Min && score <= framework.Max)
            {
                found[key] = score;
                continue;
            }
            diagnostics.Error(DiagnosticCodes.ScoreOutOfRange,
                $"De score voor '{key}' is '{YamlMap.Describe(value)}', maar moet een geheel getal van {framework.Min} tot {framework.Max} zijn ({string.Join(", ", Enumerable.Range(framework.Min, framework.Max - framework.Min + 1).Select(l => $"{l} = {framework.LabelFor(l)}"))}).",
                map.At(value));
            complete = false;
        }
        var missing = framework.Functions.Where(f => !found.ContainsKey(f.Key) && !map.Has(f.Key)).Select(f => f.Key).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Error(DiagnosticCodes.FunctionScoreMissing,
                $"Onder 'functies' ontbreekt een score voor {string.Join(", ", missing.Select(m => $"'{m}'"))}: elke functie van de site krijgt een score van {framework.Min} tot {framework.Max}.",
                card.KeyLocation("functies"));
            complete = false;
        }
        return complete ? framework.Functions.Select(f => new FunctionScore(f.Key, found[f.Key])).ToList() : null;
    }

    private Contact? ReadContact(YamlMap? map)
    {
        if (map is null) return null;
        map.RejectUnknownKeys(ContactKeys, "'contact'");
        var website = map.OptionalString("website");
        if (website is not null && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            diagnostics.Error(DiagnosticCodes.InvalidUrl, $"'website' moet een webadres zijn dat begint met https:// of http://, niet '{website}'.", map.ValueLocation("website"));
            website = null;
        }
        var email = map.OptionalString("email");
        if (email is not null && !EmailShape().IsMatch(email))
        {
            diagnostics.Error(DiagnosticCodes.InvalidEmail, $"'{email}' is geen e-mailadres (verwacht: naam@organisatie.be).", map.ValueLocation("email"));
            email = null;
        }
        return new Contact(map.StringList("personen").Select(p => p.Value).ToList(), website, email);
    }

    private Assessment? ReadAssessment(YamlMap? map)
    {
        if (map is null) return null;
        map.RejectUnknownKeys(AssessmentKeys, "'beoordeling'");
        var date = map.OptionalString("datum");
        if (date is not null && !IsPartialDate(date))
        {
            diagnostics.Error(DiagnosticCodes.InvalidDate, $"'datum' moet de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD hebben, niet '{date}'.", map.ValueLocation("datum"));
            date = null;
        }
        return new Assessment(map.OptionalString("door"), date, map.OptionalString("toelichting"));
    }

    private static bool IsPartialDate(string text)
    {
        if (!PartialDate().IsMatch(text)) return false;
        var padded = text.Length switch { 4 => text + "-01-01", 7 => text + "-01", _ => text };
        return DateOnly.TryParseExact(padded, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private int? Year(YamlMap yaml, string key)
    {
        var year = yaml.OptionalInt(key);
        if (year is null or (>= 1800 and <= 2200)) return year;
        diagnostics.Error(DiagnosticCodes.InvalidDate, $"'{key}' moet een jaartal zijn zoals 2017, niet '{year}'.", yaml.ValueLocation(key));
        return null;
    }

    private DateOnly? RequiredDate(YamlMap yaml, string key, string what)
    {
        var text = yaml.RequiredString(key, what);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        diagnostics.Error(DiagnosticCodes.InvalidDate, $"'{key}' moet een datum zijn in de vorm JJJJ-MM-DD (bijvoorbeeld 2018-06-28), niet '{text}'.", yaml.ValueLocation(key));
        return null;
    }

    private void RequireNonEmpty(YamlMap yaml, string key, string what, string expectation)
    {
        if (!yaml.Has(key)) yaml.MissingRequired(key, what);
        else if (YamlMap.IsNull(yaml.Value(key)!) || yaml.Value(key) is YamlSequenceNode { Children.Count: 0 })
            diagnostics.Error(DiagnosticCodes.EmptyList, $"'{key}' mag niet leeg zijn: geef {expectation}.", yaml.ValueLocation(key));
    }
}
