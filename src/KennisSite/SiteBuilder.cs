using System.Diagnostics;
using System.Text;
using KennisSite.Configuration;
using KennisSite.Content;
using KennisSite.Diagnostics;
using KennisSite.Linking;
using KennisSite.Markdown;
using KennisSite.Output;
using KennisSite.Rendering;
using KennisSite.Search;
using Scriban.Runtime;

namespace KennisSite;

/// <summary>The whole build, top to bottom: Load → Validate → Link → Render → Index → Write. A broken model is never rendered.</summary>
public static class SiteBuilder
{
    /// <param name="cache">What an earlier build of the same site left (serve); a build without one starts from nothing.</param>
    /// <param name="events">Progress, pages as they change, cancellation.</param>
    public static BuildResult Build(BuildOptions options, BuildCache? cache = null, BuildEvents? events = null) =>
        Run(options, render: true, cache ?? new BuildCache(keptForNextBuild: false), events ?? new BuildEvents());

    /// <summary>Loads, validates and resolves links; renders and writes nothing.</summary>
    public static BuildResult Check(BuildOptions options) => Run(options with { WriteOutput = false }, render: false, new BuildCache(keptForNextBuild: false), new BuildEvents());

    /// <summary>
    /// A full, compacting collection after the pages, where a large site's garbage would otherwise stay under the search
    /// index. Below half a gigabyte the peak does not matter and the collection is a pause of both processors for
    /// nothing (docs/snelheid.md). Not "aggressive": that also gives the freed memory back to the system, and the
    /// search index then had to fault it in again (large 9.19 -> 9.01 s, at the same peak).
    /// </summary>
    private static void CollectIfLarge()
    {
        if (GC.GetGCMemoryInfo().HeapSizeBytes >= 512L << 20) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static BuildResult Run(BuildOptions options, bool render, BuildCache cache, BuildEvents events)
    {
        var cancel = events.Cancellation;
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var files = new List<OutputFile>();
        var pageCount = 0;
        string? outputFolder = null;

        var timings = new List<StageTiming>();
        var stageStart = TimeSpan.Zero;
        var stageProcessor = Environment.CpuUsage.TotalTime;
        void Stage(string name, string? next = null)
        {
            var processor = Environment.CpuUsage.TotalTime;
            timings.Add(new StageTiming(name, clock.Elapsed - stageStart, processor - stageProcessor));
            stageStart = clock.Elapsed;
            stageProcessor = processor;
            cancel.ThrowIfCancellationRequested();
            if (next is not null) events.Progress?.Invoke(new BuildProgress(next, 0, 0));
        }
        BuildResult Done() => new(Finish(diagnostics, options.Strict), files, pageCount, outputFolder, clock.Elapsed) { Timings = timings };

        // Load and validate
        // The templates are read while site.yml and content/ are: reading site.yml and listing content/ leave a processor
        // free. Their problems are reported only if the build gets as far as using them.
        var templateDiagnostics = new DiagnosticBag();
        var loadingTemplates = render ? Task.Run(() => TemplateSet.Load(options.SiteRoot, templateDiagnostics, options.ReusePartials)) : null;
        var config = SiteConfigLoader.Load(options.SiteRoot, diagnostics);
        if (config is null) return Done();
        outputFolder = Path.GetFullPath(Path.Combine(options.SiteRoot, options.OutputFolder ?? config.OutputFolder));
        cache.UseConfig(config);
        var markdown = new MarkdownParser();
        var parallelism = options.Parallelism ?? Environment.ProcessorCount;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancel };
        var content = ContentLoader.Load(options.SiteRoot, config, markdown, options.IncludeDrafts, diagnostics, cache.Files, parallelism);
        var templates = loadingTemplates?.GetAwaiter().GetResult();
        foreach (var diagnostic in templateDiagnostics.Items) diagnostics.Add(diagnostic);

        Stage("laden en valideren", "links");

        // Link
        var urls = new SiteUrls(config.Links);
        var resolver = new LinkResolver(content, urls, diagnostics, cache.KeptForNextBuild ? cache.Resolved : null);
        // Each cahier on its own, in parallel: they are a hundred long documents, and diagnostics are sorted when reported.
        var linksOfCahiers = new DocumentLinks[content.Cahiers.Count];
        Parallel.For(0, content.Cahiers.Count, parallel, i => linksOfCahiers[i] = resolver.Resolve(content.Cahiers[i].Source, content.Cahiers[i].Body));
        var cahierLinks = content.Cahiers.Select((c, i) => (c.Slug, Links: linksOfCahiers[i])).ToDictionary(c => c.Slug, c => c.Links, StringComparer.Ordinal);
        foreach (var theme in content.Themes) resolver.Resolve(theme.Source, theme.Description);
        foreach (var page in content.Pages) resolver.Resolve(page.Source, page.Body);
        var covers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cahier in content.Cahiers)
            if (cahier.Cover is { } cover && resolver.ResolveImage(cahier.Source, cover) is { } coverPath) covers[cahier.Slug] = coverPath;
        if (diagnostics.HasErrors || templates is null) return Done();
        var graph = LinkGraphBuilder.Build(content, cahierLinks, cache.Related, parallelism);

        Stage("links", "pagina's");

        // Render
        var pages = new SitePages(content, graph, urls, markdown.Pipeline, covers, cache.Parts, parallelism);
        var site = pages.Site;
        var zipName = config.OfflineZipName;
        ZipView ZipWith(string size) => new(zipName, zipName, size);
        var fingerprints = new ModelHash();
        cache.Pages.StartBuild();
        // A one-off build writes each page as soon as it is rendered and keeps it only deflated, for the zip, in a file
        // beside the output: it never holds the whole site's HTML. serve keeps pages as they are, to serve and compare them.
        var replaced = SiteWriter.FolderWritten(outputFolder);
        var outputAllowed = !IsInside(replaced, Path.Combine(options.SiteRoot, ContentLoader.ContentFolder)) && !IsInside(replaced, templates.Root);
        var writer = options.WriteOutput && outputAllowed && !cache.KeptForNextBuild ? SiteWriter.Start(outputFolder) : null;
        // A page is rendered again only when what its template sees, or one of the templates it used, has changed.
        (OutputFile? File, bool Changed) Render(PageJob job)
        {
            var model = job.MakeModel();
            var fingerprint = cache.KeptForNextBuild ? fingerprints.Of(site, job.Meta, model) : UInt128.Zero;
            if (cache.KeptForNextBuild && cache.Pages.Find(job.OutputPath, fingerprint, templates) is { } kept) return (new OutputFile(job.OutputPath, kept), false);
            var globals = new ScriptObject { ["site"] = site, ["page"] = job.Meta, ["root"] = job.Meta.Root, ["model"] = model };
            if (writer is not null)
            {
                using var staged = writer.Open(job.OutputPath);
                return templates.RenderPage(job.Template, globals, job.OutputPath, diagnostics, staged) is null ? (null, false) : (staged.Finish(), true);
            }
            if (templates.RenderPage(job.Template, globals, job.OutputPath, diagnostics) is not { } page) return (null, false);
            var file = new OutputFile(job.OutputPath, page.Html);
            return (file, !cache.KeptForNextBuild || cache.Pages.Keep(job.OutputPath, fingerprint, page.TemplatesUsed, page.Html, templates));
        }
        var rendered = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
        void RenderEach(IReadOnlyList<PageJob> batch)
        {
            var todo = batch.Where(j => !rendered.ContainsKey(j.OutputPath)).ToList();
            var results = new (OutputFile? File, bool Changed)[todo.Count];
            var done = rendered.Count;
            // Each page is rendered on its own; results go back in list order, so the output is the same at any parallelism.
            Parallel.For(0, todo.Count, parallel, i =>
            {
                results[i] = Render(todo[i]);
                events.Progress?.Invoke(new BuildProgress("pagina's", Interlocked.Increment(ref done), Math.Max(batch.Count, done)));
            });
            for (var i = 0; i < todo.Count; i++)
                if (results[i].File is { } file) rendered[todo[i].OutputPath] = file;
            var changed = results.Where(r => r.Changed).Select(r => r.File!).ToList();
            if (changed.Count > 0) events.PagesChanged?.Invoke(changed);
        }
        // Pages open in a browser first, found by walking the lazy page list only as far as needed: the editor's page is
        // back before the models of the other two thousand pages are even built.
        if (events.RenderFirst.Count > 0)
            RenderEach(pages.All(ZipWith(cache.ZipSize)).Where(j => events.RenderFirst.Contains(j.OutputPath)).Take(events.RenderFirst.Count).ToList());
        var jobs = pages.All(ZipWith(cache.ZipSize)).ToList();
        RenderEach(jobs);
        pageCount = jobs.Count;
        templates.ForgetPageMemory();
        // Rendering leaves garbage that the collector would otherwise keep while the index grows on top of it. Collected
        // here, the peak of a site of 20,000 cards fell from 2.6 to 2.2 GiB (2.0 with the pages deflated on disk)
        // (docs/snelheid.md). Not in serve: the next edit's pages need the memory again at once. Collected before the
        // sitemap and feed are made: their text is megabytes, and allocating it on a heap full of that garbage started
        // a full collection of its own, just before this one.
        if (!cache.KeptForNextBuild) CollectIfLarge();
        // In build order, not in the order of rendering, so the output does not depend on which pages were open.
        var pageFiles = jobs.Select(j => rendered.GetValueOrDefault(j.OutputPath)).OfType<OutputFile>().DistinctBy(f => f.Path).ToList();
        files.AddRange(pageFiles);
        files.Add(new OutputFile("feed.xml", FeedWriter.Feed(content, urls)));
        if (config.BaseUrl is not null)
            files.Add(new OutputFile("sitemap.xml", FeedWriter.Sitemap(config.BaseUrl, pageFiles.Select(f => f.Path).ToList(), urls)));
        files.AddRange(StaticFiles.FromTemplates(templates.Root));
        files.AddRange(content.Assets.Select(a => new OutputFile(a.ContentPath, File.ReadAllBytes(a.FullPath))));

        Stage("pagina's", "zoekindex");

        // Index
        // Written and deflated as they are made, like the pages: on a site of 20,000 cards the two are a quarter of a
        // gigabyte.
        var themeTitles = content.Themes.ToDictionary(t => t.Slug, t => t.Title, StringComparer.Ordinal);
        // Each piece of the two files is deflated for the zip by the processor that wrote it.
        static DeflatedContent.Part DeflatedPart(byte[] piece) => new(piece);
        // Made only as they are walked, a round at a time.
        var documentRounds = SearchDocuments.InRounds(content, urls, parallel.MaxDegreeOfParallelism);
        OutputFile[] SearchFiles()
        {
            if (writer is null)
            {
                var (index, store) = SearchIndexFiles.Build(documentRounds, themeTitles, DeflatedPart, parallel.MaxDegreeOfParallelism);
                return [OutputFile.Joined(SearchIndexFiles.IndexFile, index), OutputFile.Joined(SearchIndexFiles.DocumentsFile, store)];
            }
            using var indexFile = writer.Open(SearchIndexFiles.IndexFile);
            using var storeFile = writer.Open(SearchIndexFiles.DocumentsFile);
            // The documents come a round at a time and are garbage once their round is indexed and stored. When they
            // were all made first, they were 0.2 GB on top of the index at 20,000 cards, and a full collection here was
            // needed to keep the peak down; without it, and without that collection, the build was 0.4 s faster at a
            // lower peak (docs/snelheid.md).
            var builder = SearchIndexFiles.IndexAndWriteStore(documentRounds, themeTitles, DeflatedPart, storeFile.Write, parallel.MaxDegreeOfParallelism);
            SearchIndexFiles.WriteIndex(builder, DeflatedPart, indexFile.Write, parallel.MaxDegreeOfParallelism);
            return [indexFile.Finish(), storeFile.Finish()];
        }
        files.AddRange(SearchFiles());
        files.AddRange(BrowserLibraries.All());
        StaticFiles.ReportCollisions(files, diagnostics);

        Stage("zoekindex", "offline-zip");

        if (!diagnostics.HasErrors)
        {
            var changed = new List<OutputFile>();
            var zip = OfflineCopy(files, pages, zipName, cache, ZipWith, job =>
            {
                var (file, isNew) = Render(job);
                if (isNew) changed.Add(file!);
                return file;
            }, parallel);
            if (!cache.KeptForNextBuild) cache.Zip.Forget();
            if (zip is not null) files.Add(zip);
            else diagnostics.Warning(DiagnosticCodes.OfflineZipTooLarge,
                $"De offline-zip is niet gemaakt: de site heeft {files.Count} bestanden, meer dan een zip zonder ZIP64 kan bevatten (65.535 bestanden, 4 GB).", null);
            if (changed.Count > 0) events.PagesChanged?.Invoke(changed);
        }
        Stage("offline-zip", "schrijven");

        // Write
        var blocked = diagnostics.HasErrors || options.Strict && diagnostics.ToSortedList().Count > 0;
        if (!blocked && options.WriteOutput)
        {
            if (!outputAllowed)
                diagnostics.Error(DiagnosticCodes.OutputWriteFailed, "De uitvoermap mag niet in content/ of templates/ liggen.", null);
            else
                (writer ?? SiteWriter.Start(outputFolder)).Finish(files, diagnostics, parallel.MaxDegreeOfParallelism);
            Stage("schrijven");
        }
        else
        {
            writer?.Abandon();
        }
        return Done();
    }

    /// <summary>
    /// The home and search pages show the zip's size, and the zip contains them: render them again until the size they
    /// show is the size of the zip they are in (in practice the second pass).
    /// </summary>
    private static OutputFile? OfflineCopy(List<OutputFile> files, SitePages pages, string zipName, BuildCache cache, Func<string, ZipView> zipWith,
        Func<PageJob, OutputFile?> render, ParallelOptions parallel)
    {
        OfflineZip.Plan? zip = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            zip = cache.Zip.Prepare(files, Path.GetFileNameWithoutExtension(zipName), parallel.MaxDegreeOfParallelism, parallel.CancellationToken);
            if (zip is null) return null;
            var size = OfflineZip.SizeText(zip.Size);
            if (size == cache.ZipSize) break;
            cache.ZipSize = size;
            foreach (var job in pages.PagesShowingZip(zipWith(size)))
                if (render(job) is { } page)
                    files[files.FindIndex(f => f.Path == job.OutputPath)] = page;
        }
        return OutputFile.Streamed(zipName, zip!.Size, zip.WriteTo);
    }

    private static bool IsInside(string folder, string parent)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var root = Path.GetFullPath(parent).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Diagnostic> Finish(DiagnosticBag diagnostics, bool strict) =>
        diagnostics.ToSortedList().Select(d => strict && d.Severity == Severity.Warning ? d with { Severity = Severity.Error } : d).ToList();
}
