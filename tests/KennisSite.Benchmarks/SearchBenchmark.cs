using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using KennisSite.Configuration;
using KennisSite.Content;
using KennisSite.Diagnostics;
using KennisSite.Linking;
using KennisSite.Markdown;
using KennisSite.Search;

namespace KennisSite.Benchmarks;

/// <summary>
/// The size and speed budget of search: build time of the index, index + store size against the indexed text, and the
/// time from opening zoeken/index.html from disk in Chromium to the first result. Targets: at most 1.5x, within 1 s.
/// </summary>
public static class SearchBenchmark
{
    public const double SizeTarget = 1.5;
    public const double FirstResultTargetMs = 1000;
    public const string OpenQuery = "eenzaamheid";
    public const string TypedQuery = "vrijwilligers";

    public static async Task<int> RunAsync(Options options)
    {
        var total = Stopwatch.StartNew();
        var cahiers = options.Int("cahiers", 100);
        var cards = options.Int("kaarten", 2000);
        var seed = options.Int("seed", 1);
        var runs = Math.Max(1, options.Int("runs", 5));
        var chromium = options.String("chromium") ?? "/usr/bin/chromium";
        var temporary = options.String("map") is null;
        var root = Path.GetFullPath(options.String("map") ?? Path.Combine(Path.GetTempPath(), $"kennissite-zoeken-{cahiers}-{cards}-{seed}-{Environment.ProcessId}"));
        var output = Path.Combine(root, "_site");

        var report = new Report($"Zoeken: {cahiers} cahiers, {cards} praktijkvoorbeelden (seed {seed})");
        report.Section("Machine");
        MachineInfo.Describe(report);
        var startLoad = MachineInfo.LoadAverage();

        try
        {
            // Corpus
            MachineInfo.Log($"Corpus schrijven naar {root} ...");
            var clock = Stopwatch.StartNew();
            var stats = SyntheticSite.Write(root, cahiers, cards, seed);
            var generation = clock.Elapsed.TotalMilliseconds;
            report.Section("Corpus");
            report.Add("cahiers", Report.Number(stats.Cahiers), $"~{SyntheticSite.WordsPerCahier:N0} woorden, 7-9 hoofdstukken");
            report.Add("praktijkvoorbeelden", Report.Number(stats.Cards), "150-250 woorden");
            report.Add("thema's / pagina's", $"{stats.Themes} / {stats.Pages}");
            report.Add("woorden in cahiers", Report.Number(stats.CahierWords));
            report.Add("woorden in praktijkvoorbeelden", Report.Number(stats.CardWords));
            report.Add("content/ (bytes)", Report.Bytes(stats.ContentBytes));
            report.Add("genereren", Report.Ms(generation));

            // Full build: once to warm up (JIT, file cache), then timed.
            MachineInfo.Log("Volledige build (opwarmen) ...");
            var warmUp = SiteBuilder.Build(new BuildOptions(root, output));
            if (!warmUp.Succeeded)
            {
                Console.Error.WriteLine("De synthetische site bouwt niet:");
                foreach (var d in warmUp.Diagnostics.Take(30)) Console.Error.WriteLine("  " + d);
                return 1;
            }
            var buildTimes = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                MachineInfo.Log($"Volledige build {r + 1}/{runs} ...");
                GC.Collect();
                GC.WaitForPendingFinalizers();
                clock.Restart();
                var result = SiteBuilder.Build(new BuildOptions(root, output));
                buildTimes.Add(clock.Elapsed.TotalMilliseconds);
                if (!result.Succeeded) throw new InvalidOperationException("Build mislukt bij herhaling.");
            }
            report.Section("Bouwtijd");
            report.Add("volledige build (mediaan)", Report.Ms(Report.Median(buildTimes)), Report.Runs(buildTimes));
            report.Add("pagina's / bestanden", $"{Report.Number(warmUp.PageCount)} / {Report.Number(warmUp.Files.Count)}");
            report.Add("uitvoer", Report.Bytes(warmUp.Files.Sum(f => (long)f.Content.Length)));

            // Index step alone, on content loaded once (untimed).
            var diagnostics = new DiagnosticBag();
            var config = SiteConfigLoader.Load(root, diagnostics) ?? throw new InvalidOperationException("site.yml");
            var content = ContentLoader.Load(root, config, new MarkdownParser(), includeDrafts: false, diagnostics);
            var urls = new SiteUrls(config.Links);
            var themeTitles = content.Themes.ToDictionary(t => t.Slug, t => t.Title, StringComparer.Ordinal);
            var collectTimes = new List<double>();
            var indexTimes = new List<double>();
            IReadOnlyList<SearchDocument> documents = [];
            (IReadOnlyList<byte[]> Index, IReadOnlyList<byte[]> Documents) files = ([], []);
            for (var r = 0; r < runs; r++)
            {
                MachineInfo.Log($"Indexstap {r + 1}/{runs} ...");
                GC.Collect();
                GC.WaitForPendingFinalizers();
                clock.Restart();
                documents = SearchDocuments.Collect(content, urls);
                collectTimes.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                files = SearchIndexFiles.Build(documents, themeTitles);
                indexTimes.Add(clock.Elapsed.TotalMilliseconds);
            }
            var stepTimes = collectTimes.Zip(indexTimes, (a, b) => a + b).ToList();
            report.Add("indexstap: Collect + Build (mediaan)", Report.Ms(Report.Median(stepTimes)), Report.Runs(stepTimes));
            report.Add("  waarvan SearchDocuments.Collect", Report.Ms(Report.Median(collectTimes)));
            report.Add("  waarvan SearchIndexFiles.Build", Report.Ms(Report.Median(indexTimes)));
            report.Add("piekgeheugen van het proces", Report.Bytes(Process.GetCurrentProcess().PeakWorkingSet64));

            // Sizes
            var writtenIndex = File.ReadAllText(Path.Combine(output, SearchIndexFiles.IndexFile));
            var writtenStore = File.ReadAllText(Path.Combine(output, SearchIndexFiles.DocumentsFile));
            if (writtenIndex != Text(files.Index) || writtenStore != Text(files.Documents))
                report.Note("Let op: de index of store in de uitvoer verschilt van die uit SearchIndexFiles.Build; de groottes zijn die van de uitvoer.");
            var anatomy = IndexAnatomy.Measure(documents, writtenIndex, writtenStore);
            Sizes(report, documents, anatomy);

            // Chromium
            if (options.Flag("zonder-browser")) report.Note("Chromium-metingen overgeslagen (--zonder-browser).");
            else await BrowserAsync(report, output, anatomy, chromium, runs);
        }
        finally
        {
            report.Section("Benchmark");
            report.Add("totale duur", Report.Ms(total.Elapsed.TotalMilliseconds));
            report.Add("belasting (loadavg) aan het einde", MachineInfo.LoadAverage());
            if (Busy(MachineInfo.LoadAverage()) || Busy(startLoad))
                report.Note($"De machine was tijdens de meting belast door andere processen (loadavg {startLoad} bij de start, {MachineInfo.LoadAverage()} aan het einde, " +
                            $"op {Environment.ProcessorCount} processoren): de tijden zijn te hoog en spreiden sterk; kijk ook naar de snelste run.");
            if (temporary && !options.Flag("bewaar"))
            {
                try { Directory.Delete(root, recursive: true); }
                catch (IOException e) { MachineInfo.Log($"Kon {root} niet opruimen: {e.Message}"); }
            }
            else report.Note($"De gegenereerde site staat in {root} (uitvoer in {output}).");
        }

        Console.WriteLine();
        Console.WriteLine(report.ToText());
        if (options.String("markdown") is { } markdown)
        {
            File.WriteAllText(markdown, report.ToMarkdown(), new UTF8Encoding(false));
            MachineInfo.Log($"Markdown geschreven naar {Path.GetFullPath(markdown)}");
        }
        return 0;
    }

    private static string Text(IReadOnlyList<byte[]> pieces) => string.Concat(pieces.Select(p => Encoding.UTF8.GetString(p)));

    private static void Sizes(Report report, IReadOnlyList<SearchDocument> documents, IndexAnatomy a)
    {
        report.Section("Grootte van index en store");
        var kinds = documents.GroupBy(d => d.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count():N0}");
        report.Add("zoekdocumenten", Report.Number(documents.Count), string.Join(", ", kinds));
        report.Add("geïndexeerde tekst (titel+trefwoorden+tekst, UTF-8)", Report.Bytes(a.IndexedTextBytes), $"waarvan titel+trefwoorden {Report.Bytes(a.TitleKeywordBytes)}");
        report.Add("zoekindex.js", Report.Bytes(a.IndexBytes), Report.Ratio(a.IndexBytes / (double)a.IndexedTextBytes) + " van de tekst");
        report.Add("documenten.js", Report.Bytes(a.StoreBytes), Report.Ratio(a.StoreBytes / (double)a.IndexedTextBytes) + " van de tekst");
        report.Add("(index + store) / tekst", Report.Ratio(a.Ratio), Verdict(a.Ratio <= SizeTarget, $"doel ≤ {SizeTarget:0.0}x"));
        report.Add("  fieldVectors", Report.Bytes(a.FieldVectorsBytes), $"{Share(a.FieldVectorsBytes, a.IndexBytes)} van de index; {Report.Number(a.FieldVectors)} vectoren");
        report.Add("  invertedIndex", Report.Bytes(a.InvertedIndexBytes), $"{Share(a.InvertedIndexBytes, a.IndexBytes)} van de index; {Report.Number(a.Terms)} termen, {Report.Number(a.Postings)} postings");
        report.Add("  tekst (x) in de store", Report.Bytes(a.StoreTextBytes), $"{Share(a.StoreTextBytes, a.StoreBytes)} van de store");
        report.Add("gzip: zoekindex.js / documenten.js", $"{Report.Bytes(a.IndexGzip)} / {Report.Bytes(a.StoreGzip)}", "ter informatie; file:// comprimeert niet");
        report.Add("gzip: fieldVectors / invertedIndex", $"{Report.Bytes(a.FieldVectorsGzip)} / {Report.Bytes(a.InvertedIndexGzip)}");
        report.Add("brotli: zoekindex.js / documenten.js", $"{Report.Bytes(a.IndexBrotli)} / {Report.Bytes(a.StoreBrotli)}");
        report.Add("gzip: geïndexeerde tekst", Report.Bytes(a.TextGzip), "(index+store) gzip / tekst gzip = " + Report.Ratio((a.IndexGzip + a.StoreGzip) / (double)a.TextGzip));

        report.Section("Opsplitsing (voorstel, gemeten)");
        // In the same script form as the built files, so the sizes compare.
        long small = IndexAnatomy.Utf8(a.Scripts.Small), text = IndexAnatomy.Utf8(a.Scripts.Text), snippets = IndexAnatomy.Utf8(a.Scripts.Snippets);
        double R(long bytes) => bytes / (double)a.IndexedTextBytes;
        report.Add("kleine index (titel + trefwoorden)", Report.Bytes(small), $"{Report.Ratio(R(small))} van de tekst; gzip {Report.Bytes(IndexAnatomy.Gzip(a.Scripts.Small))}");
        report.Add("tekstindex (alleen x)", Report.Bytes(text), $"{Report.Ratio(R(text))} van de tekst; gzip {Report.Bytes(IndexAnatomy.Gzip(a.Scripts.Text))}");
        report.Add($"store met fragment van {IndexAnatomy.SnippetChars} tekens", Report.Bytes(snippets), $"{Report.Ratio(R(snippets))} van de tekst");
        report.Add("eerst geladen: kleine index + fragmentstore", Report.Bytes(small + snippets), Report.Ratio(R(small + snippets)));
        report.Add("alles: kleine + tekstindex + fragmentstore", Report.Bytes(small + text + snippets), Verdict(R(small + text + snippets) <= SizeTarget, Report.Ratio(R(small + text + snippets))));
        report.Add("één index + fragmentstore", Report.Bytes(a.IndexBytes + snippets), Verdict(R(a.IndexBytes + snippets) <= SizeTarget, Report.Ratio(R(a.IndexBytes + snippets))));
        var compact = a.CompactFieldVectorsBytes + a.CompactInvertedIndexBytes;
        report.Add("compacte codering van dezelfde index (schatting)", Report.Bytes(compact),
            $"{Report.Ratio(R(compact))} van de tekst; fieldVectors {Report.Bytes(a.CompactFieldVectorsBytes)}, invertedIndex {Report.Bytes(a.CompactInvertedIndexBytes)}");
        report.Add("compacte index + volledige store", Report.Bytes(compact + a.StoreBytes), Verdict(R(compact + a.StoreBytes) <= SizeTarget, Report.Ratio(R(compact + a.StoreBytes))));
        report.Add("compacte index + fragmentstore", Report.Bytes(compact + snippets), Verdict(R(compact + snippets) <= SizeTarget, Report.Ratio(R(compact + snippets))));
    }

    private static async Task BrowserAsync(Report report, string output, IndexAnatomy anatomy, string chromium, int runs)
    {
        report.Section("Chromium (file://, headless)");
        BrowserTiming browser;
        try
        {
            MachineInfo.Log($"Chromium starten via Playwright {BrowserTiming.PlaywrightVersion} ({chromium}) ...");
            browser = await BrowserTiming.StartAsync(chromium);
        }
        catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or InvalidOperationException or IOException)
        {
            report.Add("Playwright", "start mislukt", e.Message.Split('\n')[0]);
            report.Note("Chromium kon niet via Playwright gestart worden; de tijd tot het eerste resultaat is niet gemeten.");
            return;
        }
        await using (browser)
        {
            report.Add("Chromium / Playwright", $"{browser.BrowserVersion} / {BrowserTiming.PlaywrightVersion}");
            var searchPage = Path.Combine(output, "zoeken", "index.html");
            var html = File.Exists(searchPage) ? await File.ReadAllTextAsync(searchPage) : "";
            var pageUrl = new Uri(searchPage).AbsoluteUri;
            if (html.Contains("id=\"zoekresultaten\"", StringComparison.Ordinal) && html.Contains("id=\"zoekterm\"", StringComparison.Ordinal))
            {
                var opened = await RepeatAsync(runs, $"zoeken/index.html?q={OpenQuery}", () => browser.OpenWithQueryAsync($"{pageUrl}?q={OpenQuery}"));
                AddPageRuns(report, $"?q={OpenQuery}", opened);
                var typed = await RepeatAsync(runs, $"typen '{TypedQuery}'", () => browser.TypeQueryAsync(pageUrl, TypedQuery));
                AddPageRuns(report, $"typen '{TypedQuery}'", typed);
                report.Add($"  typen '{TypedQuery}': laatste toets (mediaan)", Report.Ms(Report.Median(typed.Select(r => r.TypedAt ?? 0).ToList())),
                    "na de start van de navigatie; Playwright typt vanaf DOMContentLoaded");
                report.Add($"  typen '{TypedQuery}': van laatste toets tot eerste resultaat", Report.Ms(Report.Median(typed.Select(r => r.InPageFirstResult - (r.TypedAt ?? 0)).ToList())),
                    "mediaan; met de wachttijd (debounce) van zoeken.js");
                MachineInfo.Log("Chromium: typen vóór DOMContentLoaded ...");
                var early = await browser.TypeEarlyAsync(pageUrl, TypedQuery);
                var kept = early.ValueAfterLoad == TypedQuery ? "blijft staan" : early.ValueAfterLoad.Length == 0 ? "gaat verloren" : "deels verloren";
                report.Add("meteen typen, vóór DOMContentLoaded", kept,
                    $"getypt tot {Report.Ms(early.TypedAt)}, DOMContentLoaded op {Report.Ms(early.DomContentLoaded)}; " +
                    $"daarna staat in het veld '{early.ValueAfterLoad}', resultaten: {(early.Results ? "ja" : "nee")}");
            }
            else
            {
                report.Add("zoekpagina", "niet gemeten", "zoeken/index.html heeft (nog) geen #zoekterm en #zoekresultaten");
                report.Note("De zoekpagina had nog geen #zoekterm/#zoekresultaten; alleen de laadtijd van de index is gemeten.");
            }

            // The index alone, without the search page: where the time goes and what a split would gain.
            var bench = Path.Combine(output, "zoeken", "meting");
            Directory.CreateDirectory(bench);
            var builtAsJsonParse = anatomy.BuiltWithJsonParse;
            var other = builtAsJsonParse ? "objectliteral" : "JSON.parse('…')";
            await File.WriteAllTextAsync(Path.Combine(bench, "andere-vorm.js"), IndexAnatomy.Script("KENNIS_ZOEKINDEX", anatomy.IndexJson, !builtAsJsonParse));
            await File.WriteAllTextAsync(Path.Combine(bench, "klein.js"), anatomy.Scripts.Small);
            await File.WriteAllTextAsync(Path.Combine(bench, "tekst.js"), anatomy.Scripts.Text);
            await File.WriteAllTextAsync(Path.Combine(bench, "fragmenten.js"), anatomy.Scripts.Snippets);
            var variants = new (string Name, string Index, string Variable, string? Store)[]
            {
                ($"één index + store, zoals gebouwd ({(builtAsJsonParse ? "JSON.parse('…')" : "objectliteral")})", "../zoekindex.js", "KENNIS_ZOEKINDEX", "../documenten.js"),
                ($"één index als {other} + store", "andere-vorm.js", "KENNIS_ZOEKINDEX", "../documenten.js"),
                ("kleine index + fragmentstore", "klein.js", "BENCH_INDEX", "fragmenten.js"),
                ("tekstindex alleen", "tekst.js", "BENCH_INDEX", null),
            };
            for (var v = 0; v < variants.Length; v++)
            {
                var (name, indexScript, variable, store) = variants[v];
                var harness = Path.Combine(bench, $"laden-{v}.html");
                await File.WriteAllTextAsync(harness, BrowserTiming.LoadHarness(indexScript, variable, store, OpenQuery));
                IReadOnlyList<BrowserTiming.LoadRun> loads;
                try { loads = await RepeatAsync(runs, $"laden: {name}", () => browser.LoadAsync(new Uri(harness).AbsoluteUri)); }
                catch (InvalidOperationException e)
                {
                    report.Add($"laden: {name}", "mislukt", e.Message);
                    continue;
                }
                var done = Report.Median(loads.Select(l => l.Queried).ToList());
                report.Add($"laden: {name}", Report.Ms(done), Verdict(done <= FirstResultTargetMs,
                    $"scripts {Report.Ms(Report.Median(loads.Select(l => l.StoreParsed - l.Libraries).ToList()))}, " +
                    $"Index.load {Report.Ms(Report.Median(loads.Select(l => l.IndexLoaded - l.StoreParsed).ToList()))}, " +
                    $"zoeken {Report.Ms(Report.Median(loads.Select(l => l.Queried - l.IndexLoaded).ToList()))}, " +
                    $"{loads[0].Hits} treffers; {Report.Runs(loads.Select(l => l.Queried).ToList())}"));
            }
            report.Note("'laden: …' is een kale pagina met lunr, het indexscript en de store: performance.now() nadat lunr.Index.load en één zoekvraag " +
                        $"('{OpenQuery}') klaar zijn (mediaan van {runs}, elke keer een nieuwe browsercontext). Zonder de rest van de zoekpagina.");
        }
    }

    private static void AddPageRuns(Report report, string label, IReadOnlyList<BrowserTiming.Run> runs)
    {
        var wall = Report.Median(runs.Select(r => r.Wall).ToList());
        var inPage = Report.Median(runs.Select(r => r.InPageFirstResult).ToList());
        report.Add($"{label}: eerste resultaat, wandklok (mediaan)", Report.Ms(wall), Verdict(wall <= FirstResultTargetMs, Report.Runs(runs.Select(r => r.Wall).ToList())));
        report.Add($"  {label}: performance.now() bij eerste resultaat", Report.Ms(inPage),
            $"gelezen na het wachten: {Report.Ms(Report.Median(runs.Select(r => r.InPageNow).ToList()))}; {Report.Runs(runs.Select(r => r.InPageFirstResult).ToList())}");
        report.Add($"  {label}: DOMContentLoaded / load", $"{Report.Ms(Report.Median(runs.Select(r => r.DomContentLoaded).ToList()))} / {Report.Ms(Report.Median(runs.Select(r => r.Load).ToList()))}",
            $"{runs[0].Results} resultaten op de pagina");
    }

    private static async Task<IReadOnlyList<T>> RepeatAsync<T>(int runs, string what, Func<Task<T>> measure)
    {
        var results = new List<T>();
        for (var r = 0; r < runs; r++)
        {
            MachineInfo.Log($"Chromium: {what} {r + 1}/{runs} ...");
            results.Add(await measure());
        }
        return results;
    }

    private static string Verdict(bool met, string detail) => (met ? "GEHAALD" : "NIET GEHAALD") + " (" + detail + ")";

    private static string Share(long part, long whole) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0}%");

    private static bool Busy(string loadAverage) =>
        double.TryParse(loadAverage.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount;

}
