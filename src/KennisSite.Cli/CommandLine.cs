using System.Globalization;
using KennisSite;
using KennisSite.Diagnostics;

namespace KennisSite.Cli;

/// <summary>`kennissite build|check`: arguments in, diagnostics and a one-line summary out, exit code by outcome.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;

    private const string Usage = """
        Gebruik:
          kennissite build [--site MAP] [--uitvoer MAP] [--concepten] [--strict] [--tijden] [--json]
          kennissite check [--site MAP] [--tijden] [--json]
          kennissite nieuw voorbeeld NAAM [--site MAP]
          kennissite nieuw cahier NAAM [--site MAP]
          kennissite schema [--site MAP]

          build        bouwt de site (standaard in de map uit site.yml, 'uitvoer', meestal _site)
          check        controleert inhoud en links, en schrijft niets
          nieuw        maakt een nieuw praktijkvoorbeeld of cahier om in te vullen (overschrijft nooit)
          schema       schrijft .kennissite/praktijkvoorbeeld.schema.json voor de YAML-extensie van VS Code
          --site       de map met site.yml, content/ en templates/ (standaard: de huidige map)
          --uitvoer    schrijf de site naar deze map in plaats van die uit site.yml
          --concepten  publiceer ook items met 'concept: true'
          --strict     behandel waarschuwingen als fouten
          --tijden     toon hoe lang elke stap van de build duurde
          --json       meldingen en samenvatting als JSON, voor editors en andere programma's
        """;

    /// <param name="colour">Colour for a person at a terminal; off when the output goes to a file, a pipe or CI (and with NO_COLOR).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool colour = false)
    {
        var parsed = Parse(args);
        if (parsed.Error is not null)
        {
            error.WriteLine($"kennissite: {parsed.Error}");
            error.WriteLine(Usage);
            return UsageError;
        }
        if (parsed.Help)
        {
            output.WriteLine(Usage);
            return Success;
        }
        if (parsed.Command == "nieuw") return New(parsed, output, error);
        if (parsed.Command == "schema") return Schema(parsed, output, error);
        try
        {
            var options = new BuildOptions(parsed.Site, parsed.Output, parsed.Drafts, parsed.Strict);
            var result = parsed.Command == "check" ? SiteBuilder.Check(options) : SiteBuilder.Build(options);
            if (parsed.Json)
            {
                output.WriteLine(Json(result));
                return result.Succeeded ? Success : ContentErrors;
            }
            foreach (var diagnostic in result.Diagnostics)
                (diagnostic.Severity == Severity.Error ? error : output).WriteLine(colour ? Coloured(diagnostic) : diagnostic.ToString());
            if (parsed.Timings)
                foreach (var timing in result.Timings)
                    output.WriteLine($"{timing.Stage,-20} {timing.Elapsed.TotalMilliseconds,8:0} ms");
            output.WriteLine(Summary(parsed.Command, result));
            return result.Succeeded ? Success : ContentErrors;
        }
        catch (Exception e)
        {
            error.WriteLine("kennissite: interne fout. Dit is een fout in KennisSite, niet in de inhoud; meld ze met deze tekst:");
            error.WriteLine(e.ToString());
            return InternalError;
        }
    }

    private static int New(Arguments parsed, TextWriter output, TextWriter error)
    {
        var diagnostics = new DiagnosticBag();
        var kind = parsed.NewKind == "voorbeeld" ? KennisSite.Scaffolding.NewItem.Kind.PracticeCard : KennisSite.Scaffolding.NewItem.Kind.Cahier;
        var created = KennisSite.Scaffolding.NewItem.Create(parsed.Site, kind, parsed.NewSlug!, DateOnly.FromDateTime(DateTime.Now), diagnostics);
        foreach (var diagnostic in diagnostics.ToSortedList()) error.WriteLine(diagnostic);
        if (created is null) return ContentErrors;
        output.WriteLine($"Aangemaakt: {created}. Vul de teksten in en bouw de site.");
        return Success;
    }

    private static int Schema(Arguments parsed, TextWriter output, TextWriter error)
    {
        var diagnostics = new DiagnosticBag();
        var written = KennisSite.Scaffolding.CardSchema.Write(parsed.Site, diagnostics);
        foreach (var diagnostic in diagnostics.ToSortedList()) error.WriteLine(diagnostic);
        if (written is null) return ContentErrors;
        output.WriteLine($"Geschreven: {written}. Kaarten met de regel '{KennisSite.Scaffolding.CardSchema.ModelineFromCard}' bovenaan worden in VS Code (YAML-extensie) gecontroleerd en aangevuld.");
        return Success;
    }

    private static string Coloured(Diagnostic diagnostic)
    {
        var text = diagnostic.ToString();
        var (word, code) = diagnostic.Severity == Severity.Error ? ("error", "31") : ("warning", "33");
        var at = text.IndexOf($" {word} {diagnostic.Code}:", StringComparison.Ordinal);
        return at < 0 ? text : $"{text[..(at + 1)]}\u001b[1;{code}m{word} {diagnostic.Code}\u001b[0m{text[(at + 1 + word.Length + 1 + diagnostic.Code.Length)..]}";
    }

    /// <summary>The same diagnostics for tools: one JSON object, positions 1-based, the message as editors read it.</summary>
    private static string Json(BuildResult result) => System.Text.Json.JsonSerializer.Serialize(new
    {
        geslaagd = result.Succeeded,
        fouten = result.ErrorCount,
        waarschuwingen = result.WarningCount,
        paginas = result.PageCount,
        bestanden = result.Files.Count,
        seconden = Math.Round(result.Elapsed.TotalSeconds, 2),
        meldingen = result.Diagnostics.Select(d => new
        {
            ernst = d.Severity == Severity.Error ? "error" : "warning",
            code = d.Code,
            bestand = d.Location?.Path,
            regel = d.Location is { Line: > 0 } l ? l.Line : (int?)null,
            kolom = d.Location is { Line: > 0 } c ? Math.Max(1, c.Column) : (int?)null,
            bericht = d.Message,
        }),
    }, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });

    private static string Summary(string command, BuildResult result)
    {
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var counts = $"{result.ErrorCount} {(result.ErrorCount == 1 ? "fout" : "fouten")}, {result.WarningCount} {(result.WarningCount == 1 ? "waarschuwing" : "waarschuwingen")}, {seconds} s";
        if (command == "check") return $"Gecontroleerd: {counts}.";
        return result.Succeeded
            ? $"Klaar: {result.PageCount} pagina's en {result.Files.Count} bestanden geschreven naar {result.OutputFolder}; {counts}."
            : $"Niet gebouwd: {counts}. De vorige uitvoer is niet aangeraakt.";
    }

    private sealed record Arguments(string Command, string Site, string? Output, bool Drafts, bool Strict, bool Help, string? Error, bool Timings = false, string? NewKind = null, string? NewSlug = null, bool Json = false);

    private static Arguments Parse(string[] args)
    {
        Arguments Fail(string message) => new("", ".", null, false, false, false, message);
        if (args.Length == 0) return Fail("geef een opdracht: build of check.");
        if (args[0] is "-h" or "--help" or "help") return new("", ".", null, false, false, true, null);
        var command = args[0];
        if (command is not ("build" or "check" or "nieuw" or "schema")) return Fail($"onbekende opdracht '{command}'.");
        string? newKind = null, newSlug = null;
        var first = 1;
        if (command == "nieuw")
        {
            if (args.Length < 3 || args[1] is not ("voorbeeld" or "cahier")) return Fail("gebruik: kennissite nieuw voorbeeld|cahier NAAM.");
            (newKind, newSlug, first) = (args[1], args[2], 3);
        }
        string site = ".";
        string? output = null;
        bool drafts = false, strict = false, timings = false, json = false;
        for (var i = first; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--site" when i + 1 < args.Length: site = args[++i]; break;
                case "--uitvoer" when i + 1 < args.Length && command == "build": output = args[++i]; break;
                case "--concepten" when command is "build" or "check": drafts = true; break;
                case "--strict" when command is "build" or "check": strict = true; break;
                case "--tijden" when command is "build" or "check": timings = true; break;
                case "--json" when command is "build" or "check": json = true; break;
                case "-h" or "--help": return new(command, site, output, drafts, strict, true, null);
                case "--site" or "--uitvoer": return Fail($"'{args[i]}' verwacht een map.");
                default: return Fail($"onbekende optie '{args[i]}' bij '{command}'.");
            }
        }
        return new(command, site, output, drafts, strict, false, null, timings, newKind, newSlug, json);
    }
}
