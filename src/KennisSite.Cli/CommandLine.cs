using System.Globalization;
using System.Runtime;
using System.Text.Json.Serialization;
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
          kennissite serve [--site MAP] [--poort N] [--concepten]

          build        bouwt de site (standaard in de map uit site.yml, 'uitvoer', meestal _site)
          check        controleert inhoud en links, en schrijft niets
          nieuw        maakt een nieuw praktijkvoorbeeld of cahier om in te vullen (overschrijft nooit)
          schema       schrijft .kennissite/praktijkvoorbeeld.schema.json voor de YAML-extensie van VS Code
          serve        toont de site op http://127.0.0.1:5050/ en maakt ze opnieuw bij elke wijziging (Ctrl+C stopt)
          --site       de map met site.yml, content/ en templates/ (standaard: de huidige map)
          --uitvoer    schrijf de site naar deze map in plaats van die uit site.yml
          --concepten  publiceer ook items met 'concept: true'
          --poort      de poort voor serve (standaard 5050; 0 kiest een vrije poort)
          --strict     behandel waarschuwingen als fouten
          --tijden     toon hoe lang elke stap van de build duurde
          --json       meldingen en samenvatting als JSON, voor editors en andere programma's
        """;

    public const int DefaultPort = 5050;

    /// <param name="colour">Colour for a person at a terminal; off when the output goes to a file, a pipe or CI (and with NO_COLOR).</param>
    /// <param name="progress">A person is watching the error stream: show how a long build is getting on.</param>
    /// <param name="stop">Ctrl+C: ends `serve`.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool colour = false, bool progress = false, CancellationToken stop = default)
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
            if (parsed.Command == "serve") return Serve(options, parsed.Port, output, error, colour, stop);
            // A build keeps every processor busy, so a background collection only takes turns with the work it would run
            // beside; blocking ones cost less in all (serve, which must answer while it builds, sets its own mode).
            // Measured in turns on tmpfs (docs/snelheid.md): large corpus 11.12 → 10.98 s, processor time 20.1 → 19.8 s;
            // medium corpus and sample site unchanged.
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            BuildResult result;
            using (var line = progress && !parsed.Json ? new ProgressLine(error) : null)
                result = parsed.Command == "check" ? SiteBuilder.Check(options) : SiteBuilder.Build(options, events: new BuildEvents { Progress = line is null ? null : line.Show });
            if (parsed.Json)
            {
                output.WriteLine(Json(result));
                return result.Succeeded ? Success : ContentErrors;
            }
            Print(result.Diagnostics, output, error, colour);
            if (parsed.Timings)
                foreach (var timing in result.Timings)
                    // Processor time next to wall time shows whether a stage keeps every core busy.
                    output.WriteLine($"{timing.Stage,-20} {timing.Elapsed.TotalMilliseconds,8:0} ms  (processor {timing.Processor.TotalMilliseconds,6:0} ms)");
            if (parsed.Timings)
                // What the stage times hide: the garbage collector's share, which grows with the heap.
                output.WriteLine($"geheugen: {GC.GetTotalAllocatedBytes() / (1 << 20):N0} MiB aangemaakt, " +
                    $"{GC.CollectionCount(0)} opruimbeurten (waarvan {GC.CollectionCount(2)} volledig), " +
                    $"{GC.GetTotalPauseDuration().TotalMilliseconds:0} ms gepauzeerd");
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

    private static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter output, TextWriter error, bool colour)
    {
        foreach (var diagnostic in diagnostics)
            (diagnostic.Severity == Severity.Error ? error : output).WriteLine(colour ? Coloured(diagnostic) : diagnostic.ToString());
    }

    private static int Serve(BuildOptions options, int port, TextWriter output, TextWriter error, bool colour, CancellationToken stop)
    {
        void Report(KennisSite.Serving.RebuildReport report)
        {
            var result = report.Result;
            Print(result.Diagnostics, output, error, colour);
            var ms = report.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            output.WriteLine(result.Succeeded
                ? $"Gebouwd in {ms} ms: {report.PagesRendered} pagina's gemaakt, {report.PagesReused} hergebruikt, {report.FilesParsed} bestanden gelezen."
                : $"Niet gebouwd ({result.ErrorCount} {(result.ErrorCount == 1 ? "fout" : "fouten")}): de browser toont ze; de laatste goede versie blijft online.");
        }
        // serve keeps a large cache alive; a blocking full collection in the middle of a rebuild is what an editor notices.
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        KennisSite.Serving.DevServer server;
        try
        {
            server = KennisSite.Serving.DevServer.StartAsync(options, port, Report).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            var why = e.InnerException?.GetType().Name == "AddressInUseException" ? "die poort is al in gebruik" : "de poort kan niet geopend worden";
            error.WriteLine($"kennissite: de site kan niet op 127.0.0.1:{port} draaien: {why}. Kies een andere poort met --poort (0 kiest een vrije).");
            return UsageError;
        }
        output.WriteLine($"De site draait op {server.Address} en wordt opnieuw gemaakt bij elke wijziging in content/, templates/ of site.yml. Ctrl+C stopt.");
        stop.WaitHandle.WaitOne();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        output.WriteLine("Gestopt.");
        return Success;
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
    private static string Json(BuildResult result) => System.Text.Json.JsonSerializer.Serialize(new JsonResult(
        result.Succeeded, result.ErrorCount, result.WarningCount, result.PageCount, result.Files.Count, Math.Round(result.Elapsed.TotalSeconds, 2),
        [.. result.Diagnostics.Select(d => new JsonDiagnostic(
            d.Severity == Severity.Error ? "error" : "warning",
            d.Code,
            d.Location?.Path,
            d.Location is { Line: > 0 } l ? l.Line : null,
            d.Location is { Line: > 0 } c ? Math.Max(1, c.Column) : null,
            d.Message))]), CliJson.Indented.JsonResult);

    private static string Summary(string command, BuildResult result)
    {
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var counts = $"{result.ErrorCount} {(result.ErrorCount == 1 ? "fout" : "fouten")}, {result.WarningCount} {(result.WarningCount == 1 ? "waarschuwing" : "waarschuwingen")}, {seconds} s";
        if (command == "check") return $"Gecontroleerd: {counts}.";
        return result.Succeeded
            ? $"Klaar: {result.PageCount} pagina's en {result.Files.Count} bestanden geschreven naar {result.OutputFolder}; {counts}."
            : $"Niet gebouwd: {counts}. De vorige uitvoer is niet aangeraakt.";
    }

    private sealed record Arguments(string Command, string Site, string? Output, bool Drafts, bool Strict, bool Help, string? Error, bool Timings = false, string? NewKind = null, string? NewSlug = null, bool Json = false, int Port = DefaultPort);

    private static Arguments Parse(string[] args)
    {
        Arguments Fail(string message) => new("", ".", null, false, false, false, message);
        if (args.Length == 0) return Fail("geef een opdracht: build, check, serve, nieuw of schema.");
        if (args[0] is "-h" or "--help" or "help") return new("", ".", null, false, false, true, null);
        var command = args[0];
        if (command is not ("build" or "check" or "nieuw" or "schema" or "serve")) return Fail($"onbekende opdracht '{command}'.");
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
        var port = DefaultPort;
        for (var i = first; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--site" when i + 1 < args.Length: site = args[++i]; break;
                case "--uitvoer" when i + 1 < args.Length && command == "build": output = args[++i]; break;
                case "--concepten" when command is "build" or "check" or "serve": drafts = true; break;
                case "--poort" when command == "serve" && i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                        return Fail($"'--poort' verwacht een getal van 0 tot 65535, niet '{args[i]}'.");
                    break;
                case "--strict" when command is "build" or "check": strict = true; break;
                case "--tijden" when command is "build" or "check": timings = true; break;
                case "--json" when command is "build" or "check": json = true; break;
                case "-h" or "--help": return new(command, site, output, drafts, strict, true, null);
                case "--site" or "--uitvoer": return Fail($"'{args[i]}' verwacht een map.");
                default: return Fail($"onbekende optie '{args[i]}' bij '{command}'.");
            }
        }
        return new(command, site, output, drafts, strict, false, null, timings, newKind, newSlug, json, port);
    }
}

internal sealed record JsonResult(
    [property: JsonPropertyName("geslaagd")] bool Succeeded,
    [property: JsonPropertyName("fouten")] int Errors,
    [property: JsonPropertyName("waarschuwingen")] int Warnings,
    [property: JsonPropertyName("paginas")] int Pages,
    [property: JsonPropertyName("bestanden")] int Files,
    [property: JsonPropertyName("seconden")] double Seconds,
    [property: JsonPropertyName("meldingen")] IReadOnlyList<JsonDiagnostic> Diagnostics);

internal sealed record JsonDiagnostic(
    [property: JsonPropertyName("ernst")] string Severity,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("bestand")] string? File,
    [property: JsonPropertyName("regel")] int? Line,
    [property: JsonPropertyName("kolom")] int? Column,
    [property: JsonPropertyName("bericht")] string Message);

/// <summary>Generated at compile time: the published CLI is compiled ahead of time and has no reflection-based serializer.</summary>
[JsonSerializable(typeof(JsonResult))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Indented, with é and ' as themselves rather than escaped: the output is for people and tools alike.</summary>
    public static CliJson Indented { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });
}
