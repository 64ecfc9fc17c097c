using System.Diagnostics;
using System.Globalization;

namespace KennisSite.Benchmarks;

/// <summary>
/// Full cold builds of the same content by KennisSite (the Release CLI, a fresh process each run, as an editor runs it)
/// and by Hugo when it is installed, in the same run: wall time and peak memory (VmHWM) of each, and their ratio.
/// Sizes: klein (the sample site), middel (100 cahiers, 2,000 cards), groot (1,000 cahiers, 20,000 cards).
/// </summary>
public static class BuildBenchmark
{
    /// <summary>A size and the issue's target for it: its own (time, memory) or a ratio to Hugo without related content.</summary>
    private sealed record Size(string Name, int Cahiers, int Cards)
    {
        /// <summary>The issue's own targets for this size, each reported on a line of its own: one can be met and another not.</summary>
        public IReadOnlyList<Target> Targets { get; init; } = [];
        public double? MaxRatio { get; init; }
    }

    private static readonly Size[] Sizes =
    [
        new("klein", 0, 0) { Targets = [new("tijd", "onder 0,5 s", (ms, _) => ms < 500)] },
        new("middel", 100, 2000) { MaxRatio = 1.0 },
        new("groot", 1000, 20000)
        {
            Targets = [new("tijd", "hoogstens 10 s", (ms, _) => ms <= 10_000), new("geheugen", "hoogstens 1,5 GB piekgeheugen", (_, peak) => peak <= 1_500_000_000)],
        },
    ];

    /// <param name="Met">From the median wall time in milliseconds and the highest peak memory in bytes.</param>
    private sealed record Target(string Name, string What, Func<double, long, bool> Met);

    public sealed record Measurement(double WallMs, long PeakBytes)
    {
        /// <summary>Stopped at the time limit: the wall time is a lower bound.</summary>
        public bool Stopped { get; init; }
    }

    public static int Run(Options options)
    {
        var wanted = (options.String("maten") ?? "klein,middel").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = wanted.Except(Sizes.Select(s => s.Name)).ToList();
        if (unknown.Count > 0) throw new UsageException($"Onbekende maat '{unknown[0]}'; kies uit klein, middel, groot.");
        var runs = Math.Max(1, options.Int("runs", 3));
        var seed = options.Int("seed", 1);
        // Hugo's related content compares every page with every other: on the large site it runs for over twenty minutes.
        var relatedLimit = TimeSpan.FromSeconds(options.Int("hugo-verwant-max", 300));
        var hugo = options.Flag("zonder-hugo") ? null : FindOnPath("hugo");
        // --map puts the sites and outputs on another filesystem, such as tmpfs (/dev/shm), to compare without the disk.
        var work = options.String("map") is { } parent
            ? Directory.CreateDirectory(Path.Combine(Path.GetFullPath(parent), $"kennissite-bouwen-{Guid.NewGuid():N}"[..26])).FullName
            : Directory.CreateTempSubdirectory("kennissite-bouwen-").FullName;
        var cli = Publish(Path.Combine(work, "kennissite-cli"));
        var outputs = new OutputFolders(work);

        var report = new Report($"Volledige build: KennisSite naast Hugo ({DateTime.Now:yyyy-MM-dd})");
        report.Section("Machine");
        MachineInfo.Describe(report);
        report.Add("werkmap", $"{work} ({MachineInfo.FileSystemOf(work)})");
        report.Add("hugo", hugo is null ? "niet gevonden (apt-get install -y hugo)" : Version(hugo));
        try
        {
            foreach (var size in Sizes.Where(s => wanted.Contains(s.Name)))
            {
                var site = Path.Combine(work, size.Name, "kennissite");
                if (size.Cards == 0) SyntheticSite.CopySample(site);
                else
                {
                    MachineInfo.Log($"{size.Name}: site genereren ({size.Cahiers} cahiers, {size.Cards} praktijkvoorbeelden)");
                    SyntheticSite.Write(site, size.Cahiers, size.Cards, seed);
                }
                report.Section($"{size.Name}: {(size.Cards == 0 ? "de voorbeeldsite" : $"{size.Cahiers} cahiers, {size.Cards} praktijkvoorbeelden")}");

                var output = Path.Combine(work, size.Name, "uit-kennissite");
                // Both programs start from an empty output folder, emptied outside the timing (Hugo does not clean its
                // destination itself). Replacing a previous site is measured on its own below.
                (string What, Func<Measurement> Build) kennisBuild = ($"{size.Name}: KennisSite", () =>
                {
                    outputs.Empty(output);
                    return Measure(cli, ["build", "--site", site, "--uitvoer", output]);
                });
                (string What, Func<Measurement> Build) HugoBuild(bool related)
                {
                    var source = Path.Combine(work, size.Name, related ? "hugo-verwant" : "hugo");
                    HugoSite.Write(site, source, related);
                    var destination = Path.Combine(work, size.Name, related ? "uit-hugo-verwant" : "uit-hugo");
                    return ($"{size.Name}: Hugo{(related ? " met verwante inhoud" : "")}", () =>
                    {
                        outputs.Empty(destination);
                        return Measure(hugo, ["--source", source, "--destination", destination, "--quiet"], related ? relatedLimit : null);
                    });
                }
                // KennisSite and Hugo take turns, run by run: this shared machine's speed drifts by tens of percents
                // within minutes, and the ratio must compare builds made at the same moment.
                var measured = Interleaved(runs, hugo is null ? [kennisBuild] : [kennisBuild, HugoBuild(related: false)]);
                var kennis = measured[0];
                var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Count();
                report.Add("KennisSite: pagina's", Report.Number(pages), "met zoekindex, verwante voorbeelden, themamatrix, offline-zip");
                report.Add("KennisSite: tijd (mediaan)", Report.Ms(Median(kennis, m => m.WallMs)), Report.Runs(kennis.Select(m => m.WallMs).ToList()));
                report.Add("KennisSite: piekgeheugen", Mb(kennis.Max(m => m.PeakBytes)));
                foreach (var target in size.Targets)
                    report.Add($"KennisSite: doel {target.Name}", target.Met(Median(kennis, m => m.WallMs), kennis.Max(m => m.PeakBytes)) ? "gehaald" : "niet gehaald", target.What);
                var replacing = Interleaved(runs, [($"{size.Name}: KennisSite over de vorige site", () =>
                {
                    OutputFolders.Sync();
                    return Measure(cli, ["build", "--site", site, "--uitvoer", output]);
                })])[0];
                report.Add("KennisSite over de vorige site: tijd (mediaan)", Report.Ms(Median(replacing, m => m.WallMs)),
                    $"{Report.Runs(replacing.Select(m => m.WallMs).ToList())}; schrijft over de reserve, vervangt de vorige uitvoer in één keer en houdt ze als reserve");
                if (hugo is null) continue;

                var plain = measured[1];
                var withRelated = Interleaved(runs, [HugoBuild(related: true)])[0];
                var relatedTime = withRelated.Any(m => m.Stopped)
                    ? ($"> {relatedLimit.TotalSeconds:0} s", "afgebroken (--hugo-verwant-max)")
                    : (Report.Ms(Median(withRelated, m => m.WallMs)), Report.Runs(withRelated.Select(m => m.WallMs).ToList()));
                var hugoPages = Directory.EnumerateFiles(Path.Combine(work, size.Name, "uit-hugo"), "*.html", SearchOption.AllDirectories).Count();
                report.Add("Hugo: pagina's", Report.Number(hugoPages), "zonder zoekindex en offline-zip");
                // A few pages differ by design (KennisSite's search page and 404, Hugo's list of terms). More means Hugo
                // left content out, as it did with future-dated cahiers before buildFuture, and the ratio compares unequal work.
                if (Math.Abs(pages - hugoPages) > 10 + pages / 100)
                    report.Add("LET OP", $"Hugo maakte {Report.Number(hugoPages)} pagina's, KennisSite {Report.Number(pages)}", "de verhouding vergelijkt geen gelijk werk; zie HugoSite.cs");
                report.Add("Hugo: tijd (mediaan)", Report.Ms(Median(plain, m => m.WallMs)), Report.Runs(plain.Select(m => m.WallMs).ToList()));
                report.Add("Hugo: piekgeheugen", Mb(plain.Max(m => m.PeakBytes)));
                report.Add("Hugo met verwante inhoud: tijd (mediaan)", relatedTime.Item1, relatedTime.Item2);
                var ratio = Median(kennis, m => m.WallMs) / Median(plain, m => m.WallMs);
                var perRound = string.Join(", ", kennis.Zip(plain, (k, h) => (k.WallMs / h.WallMs).ToString("0.00", CultureInfo.InvariantCulture)));
                report.Add("verhouding KennisSite / Hugo", Report.Ratio(ratio),
                    size.MaxRatio is { } maxRatio
                        ? $"doel (≤ {maxRatio.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',')}) {(ratio <= maxRatio ? "gehaald" : "niet gehaald")}; per ronde: {perRound}"
                        : $"per ronde: {perRound}");
            }
            report.Note($"Elke build is een nieuw proces (koude start) en begint, voor beide programma's, met een lege uitvoermap: {outputs.Description}, en vóór elke run schrijft sync de schijfcache weg (zie OutputFolders.cs). KennisSite is gepubliceerd zoals de README aanraadt: vooraf gecompileerd met de runtime tot één programma (Native AOT). Per programma en maat gaat één run vooraf die niet telt (bestanden in de schijfcache, zoals bij hyperfine --warmup); daarna bouwen KennisSite en Hugo om beurten, run na run, zodat de verhouding builds van hetzelfde moment vergelijkt. De mediaan telt. Piekgeheugen: VmHWM van het proces.");
            report.Note("Hugo bouwt dezelfde inhoud (HugoSite.cs): cahiers en kaarten als pagina's, thema's als taxonomie, een gerangschikte pagina per functie, catalogus, startpagina; zonder zoekindex en offline-zip.");
            Console.WriteLine(report.ToText());
            if (options.String("markdown") is { } markdown) File.WriteAllText(markdown, report.ToMarkdown());
            return 0;
        }
        finally
        {
            outputs.RemoveAside();
            if (!options.Flag("bewaar")) Directory.Delete(work, recursive: true);
            else MachineInfo.Log($"bewaard in {work}");
        }
    }

    /// <summary>
    /// The command line as editors get it for daily use: Release, compiled ahead of time with the runtime into one native
    /// program (README), so no build pays for a JIT.
    /// </summary>
    private static string Publish(string folder)
    {
        MachineInfo.Log("KennisSite.Cli publiceren (Release, Native AOT: één programma met de runtime; een minuut of twee)");
        var project = Path.Combine(RepoPaths.Root, "src", "KennisSite.Cli");
        Measure("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "true", "-o", folder, "--nologo", "-v", "quiet"]);
        return Path.Combine(folder, "KennisSite.Cli");
    }

    /// <summary>Each build once to warm up, then <paramref name="runs"/> rounds in which every build runs once, in turn.</summary>
    private static Measurement[][] Interleaved(int runs, IReadOnlyList<(string What, Func<Measurement> Build)> builds)
    {
        // One run first that does not count, as hyperfine's --warmup: the first build after the site was written or
        // copied reads it from disk, and that is the disk's speed, not the generator's.
        var results = builds.Select(_ => new List<Measurement>()).ToArray();
        var stopped = new bool[builds.Count];
        for (var b = 0; b < builds.Count; b++)
        {
            var warmUp = builds[b].Build();
            MachineInfo.Log($"{builds[b].What}: {warmUp.WallMs:0} ms (opwarmen, telt niet)");
            if (warmUp.Stopped)
            {
                results[b].Add(warmUp);
                stopped[b] = true;
            }
        }
        for (var i = 0; i < runs; i++)
        {
            for (var b = 0; b < builds.Count; b++)
            {
                if (stopped[b]) continue;
                var result = builds[b].Build();
                results[b].Add(result);
                MachineInfo.Log($"{builds[b].What}: {result.WallMs:0} ms, {Mb(result.PeakBytes)}{(result.Stopped ? " (afgebroken)" : "")}");
                stopped[b] = result.Stopped;
            }
        }
        return [.. results.Select(r => r.ToArray())];
    }

    /// <summary>Runs a program to the end, or stops it at the limit; its wall time, and its peak resident memory read from /proc while it runs.</summary>
    public static Measurement Measure(string program, IReadOnlyList<string> arguments, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(10))
        {
            peak = Math.Max(peak, PeakOf(process.Id));
            if (clock.Elapsed > limit)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Measurement(clock.Elapsed.TotalMilliseconds, peak) { Stopped = true };
            }
        }
        process.WaitForExit();
        var wall = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} eindigde met {process.ExitCode}:\n{output.Result}\n{error.Result}");
        return new Measurement(wall, peak);
    }

    private static long PeakOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // it has just ended
        }
    }

    private static double Median(IEnumerable<Measurement> measurements, Func<Measurement, double> value) => Report.Median(measurements.Select(value).ToList());

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:N0} MiB");

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static string Version(string hugo)
    {
        var start = new ProcessStartInfo(hugo, "version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text.Split(' ').Take(2).LastOrDefault() ?? text;
    }

}
