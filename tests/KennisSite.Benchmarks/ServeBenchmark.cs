using System.Diagnostics;
using System.Globalization;
using KennisSite.Serving;

namespace KennisSite.Benchmarks;

/// <summary>
/// The editor's loop under `serve`: on a generated site, a browser has a card's page open; the card's file is saved with
/// a new title; measured is the time from the save to the rebuilt page being served with that title (the page's
/// live-reload event, then the page itself over HTTP), and to the end of the whole rebuild (listings, search index,
/// offline zip). Target for the first: under 150 ms on the medium corpus.
/// </summary>
public static class ServeBenchmark
{
    public const double TargetMs = 150;

    public static async Task<int> RunAsync(Options options)
    {
        var cahiers = options.Int("cahiers", 100);
        var cards = options.Int("kaarten", 2000);
        var seed = options.Int("seed", 1);
        var runs = Math.Max(1, options.Int("runs", 10));
        var root = Path.Combine(Path.GetTempPath(), $"kennissite-serve-{cahiers}-{cards}-{seed}-{Environment.ProcessId}");

        var report = new Report($"serve: van bewaren tot getoonde pagina, {cahiers} cahiers, {cards} praktijkvoorbeelden (seed {seed})");
        report.Section("Machine");
        MachineInfo.Describe(report);
        try
        {
            MachineInfo.Log("site genereren");
            SyntheticSite.Write(root, cahiers, cards, seed);
            System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency; // as `kennissite serve` sets it
            var rebuilds = new List<RebuildReport>();
            var clock = Stopwatch.StartNew();
            await using var server = await DevServer.StartAsync(new BuildOptions(root), 0, r => { lock (rebuilds) rebuilds.Add(r); });
            var firstBuild = clock.Elapsed.TotalMilliseconds;
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
            MachineInfo.Log($"eerste build {firstBuild:0} ms; {runs} keer een kaart bewaren");

            var toPage = new List<double>();
            var toEnd = new List<double>();
            var rendered = new List<double>();
            var files = Directory.GetFiles(Path.Combine(root, "content", "praktijkvoorbeelden"), "*.yml").Order(StringComparer.Ordinal).ToList();
            for (var run = 0; run < runs; run++)
            {
                var file = files[(run * 7919) % files.Count];
                var slug = Path.GetFileNameWithoutExtension(file);
                var page = $"/praktijkvoorbeelden/{slug}/";
                await using var browser = await LiveReloadListener.OpenAsync(http, page);
                await WaitUntilIdle(server);
                var before = rebuilds.Count;
                var title = $"Bewaard om {run} uur";
                var text = File.ReadAllLines(file);
                text[Array.FindIndex(text, l => l.StartsWith("titel:", StringComparison.Ordinal))] = $"titel: \"{title}\"";

                var saved = Stopwatch.StartNew();
                File.WriteAllLines(file, text);
                await browser.WaitForReloadAsync(TimeSpan.FromMinutes(2));
                var html = await http.GetStringAsync(page);
                var served = saved.Elapsed.TotalMilliseconds;
                if (!html.Contains(title, StringComparison.Ordinal)) throw new InvalidOperationException($"{page} toont de nieuwe titel niet.");
                while (rebuilds.Count == before) await Task.Delay(2);
                var done = saved.Elapsed.TotalMilliseconds;
                var rebuild = rebuilds[^1];
                toPage.Add(served);
                toEnd.Add(done);
                rendered.Add(rebuild.PagesRendered);
                MachineInfo.Log($"  {slug}: pagina na {served:0} ms; hele rebuild na {done:0} ms, {rebuild.PagesRendered} pagina's opnieuw gemaakt; "
                    + string.Join(", ", rebuild.Result.Timings.Select(t => $"{t.Stage} {t.Elapsed.TotalMilliseconds:0}")));
            }

            report.Section("Metingen");
            report.Add("eerste build (serve start)", Report.Ms(firstBuild));
            report.Add("bewaren → pagina getoond (mediaan)", Report.Ms(Report.Median(toPage)), Report.Runs(toPage));
            report.Add("bewaren → pagina getoond (traagste)", Report.Ms(toPage.Max()));
            report.Add("bewaren → hele rebuild klaar (mediaan)", Report.Ms(Report.Median(toEnd)), "met lijsten, zoekindex en offline-zip");
            report.Add("pagina's opnieuw gemaakt per bewaring (mediaan)", Report.Median(rendered).ToString("0", CultureInfo.InvariantCulture));
            report.Add("doel", $"< {TargetMs:0} ms: " + (Report.Median(toPage) < TargetMs ? "GEHAALD" : "NIET GEHAALD"));
            report.Note($"Wachttijd voor het bundelen van wijzigingen ({DevServer.QuietPeriod.TotalMilliseconds:0} ms) zit in de metingen.");
            Console.WriteLine(report.ToText());
            if (options.String("markdown") is { } markdown) File.WriteAllText(markdown, report.ToMarkdown());
            return 0;
        }
        finally
        {
            if (!options.Flag("bewaar")) Directory.Delete(root, recursive: true);
        }
    }

    private static async Task WaitUntilIdle(DevServer server)
    {
        var quiet = Stopwatch.StartNew();
        while (quiet.ElapsedMilliseconds < 300)
        {
            await Task.Delay(20);
            if (server.IsBuilding) quiet.Restart();
        }
    }

}
