using System.Globalization;

namespace KennisSite.Benchmarks;

/// <summary>The command line: a command, then '--name value' options and '--flag' switches.</summary>
public sealed class Options
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "bewaar", "zonder-browser", "zonder-hugo", "hugo-verwant" };
    private static readonly HashSet<string> Valued = new(StringComparer.Ordinal) { "cahiers", "kaarten", "seed", "runs", "markdown", "map", "chromium", "maten", "hugo-verwant-max", "hugo" };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string Command { get; private init; } = "";

    public static Options Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new UsageException("Geef een opdracht: bouwen, zoeken, serve of genereer.");
        var options = new Options { Command = args[0] };
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : throw new UsageException($"Onverwacht argument '{args[i]}'.");
            if (Flags.Contains(name)) options._values[name] = "true";
            else if (Valued.Contains(name) && i + 1 < args.Count) options._values[name] = args[++i];
            else throw new UsageException(Valued.Contains(name) ? $"--{name} heeft een waarde nodig." : $"Onbekende optie '--{name}'.");
        }
        return options;
    }

    public int Int(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new UsageException($"--{name} moet een geheel getal zijn, niet '{text}'.");
    }

    public string? String(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.ContainsKey(name);

    public const string Usage = """
        Gebruik: dotnet run -c Release --project tests/KennisSite.Benchmarks -- <opdracht> [opties]

          zoeken     genereert een site, meet bouwtijd, indexgrootte en de tijd tot het eerste zoekresultaat in Chromium
          bouwen     volledige build van klein, middel en groot, met KennisSite en (als het er is) met Hugo, in dezelfde run
          serve      meet in `serve` de tijd van het bewaren van een kaart tot de vernieuwde pagina getoond wordt
          genereer   schrijft alleen de synthetische site (voor andere metingen, bijvoorbeeld tegen Hugo)

          --cahiers N       aantal cahiers van ~6.000 woorden (standaard 100)
          --kaarten N       aantal praktijkvoorbeelden (standaard 2000)
          --seed N          zaad van de generator (standaard 1); zelfde zaad, zelfde bytes
          --runs N          herhalingen per tijdmeting (standaard 5, serve 10; de mediaan telt)
          --map MAP         schrijf de site hier (genereer: verplicht; zoeken: standaard een tijdelijke map;
                            bouwen: de werkmap komt in MAP, bijvoorbeeld /dev/shm om zonder de schijf te meten)
          --maten LIJST     bouwen: welke maten (standaard klein,middel; groot = 1.000 cahiers en 20.000 kaarten)
          --zonder-hugo     bouwen: meet alleen KennisSite
          --hugo-verwant-max S  bouwen: stop Hugo met verwante inhoud na S seconden (standaard 300)
          --hugo MAP        genereer: schrijf dezelfde inhoud ook als Hugo-site in MAP (met --hugo-verwant: met related)
          --bewaar          zoeken, serve, bouwen: laat de tijdelijke map staan
          --markdown FILE   zoeken: schrijf de resultaten ook als Markdown-tabel
          --chromium PAD    standaard /usr/bin/chromium
          --zonder-browser  zoeken: sla de metingen in Chromium over
        """;
}

public sealed class UsageException(string message) : Exception(message);
