using System.IO.Enumeration;
using KennisSite.Configuration;
using KennisSite.Diagnostics;
using KennisSite.Input;
using KennisSite.Markdown;

namespace KennisSite.Content;

/// <summary>Reads content/ as the content model describes it, reporting every problem it meets.</summary>
public static class ContentLoader
{
    public const string ContentFolder = "content";
    private static readonly string[] KnownFolders = ["cahiers", "paginas", "praktijkvoorbeelden", "themas"];
    private static readonly HashSet<string> ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".avif"];

    /// <param name="parsed">Files read by an earlier build of the same site.yml; unchanged ones are not parsed again.</param>
    /// <param name="parallelism">How many files are parsed at once; the content is the same for any value.</param>
    public static SiteContent Load(string siteRoot, SiteConfig config, MarkdownParser markdown, bool includeDrafts, DiagnosticBag diagnostics,
        ParsedFiles? parsed = null, int parallelism = 1)
    {
        parsed ??= new ParsedFiles(keep: false); // no later build can reuse it
        parsed.StartLoad();
        var reader = new CachingReader(parsed, config, markdown, diagnostics);
        var contentRoot = Path.Combine(siteRoot, ContentFolder);
        var cahiers = new List<(Cahier Item, bool Draft)>();
        var cards = new List<(PracticeCard Item, bool Draft)>();
        var themes = new List<Theme>();
        var pages = new List<(Page Item, bool Draft)>();
        var assets = new List<ContentAsset>();

        if (!Directory.Exists(contentRoot))
            diagnostics.Warning(DiagnosticCodes.UnexpectedFile, "Er is geen map 'content'; de site is leeg.", null);
        else
        {
            foreach (var (entry, isDirectory) in Entries(contentRoot, diagnostics, contentRoot))
            {
                var name = Path.GetFileName(entry);
                if (!isDirectory || !KnownFolders.Contains(name))
                    diagnostics.Warning(DiagnosticCodes.UnexpectedFile,
                        $"'{name}' wordt niet gebruikt: content/ bevat alleen de mappen {string.Join(", ", KnownFolders)}.",
                        new SourceLocation($"{ContentFolder}/{name}"));
            }
            // Finding the files is quick and reports in folder order; reading and parsing them is the work, done in parallel.
            var cahierFiles = new List<FoundFile>();
            LoadCahiers(contentRoot, cahierFiles, assets, diagnostics);
            var cardFiles = Files(contentRoot, "praktijkvoorbeelden", ".yml", diagnostics).ToList();
            var themeFiles = Files(contentRoot, "themas", ".md", diagnostics).ToList();
            var pageFiles = Files(contentRoot, "paginas", ".md", diagnostics).ToList();
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
            List<T> ReadAll<T>(List<FoundFile> found, Func<SourceFile, string, T?> read)
            {
                var results = new T?[found.Count];
                Parallel.For(0, found.Count, options, i =>
                {
                    if (reader.ReadText(found[i].FullPath, found[i].Relative) is { } file) results[i] = read(file, found[i].Slug);
                });
                return results.Where(r => r is not null).Select(r => r!).ToList();
            }
            cahiers.AddRange(ReadAll(cahierFiles, (file, slug) => reader.ReadCahier(file, slug)).Select(r => r!.Value));
            cards.AddRange(ReadAll(cardFiles, (file, slug) => reader.ReadCard(file, slug)).Select(r => r!.Value));
            themes.AddRange(ReadAll(themeFiles, (file, slug) => reader.ReadTheme(file, slug)));
            pages.AddRange(ReadAll(pageFiles, (file, slug) => reader.ReadPage(file, slug)).Select(r => r!.Value));
        }

        var drafts = new HashSet<string>(StringComparer.Ordinal);
        List<T> Published<T>(List<(T Item, bool Draft)> items, Func<T, string> sourcePath)
        {
            var kept = new List<T>();
            foreach (var (item, draft) in items)
            {
                if (draft && !includeDrafts) drafts.Add(sourcePath(item));
                else kept.Add(item);
            }
            return kept;
        }

        var all = new SiteContent(
            config,
            BySlug(Published(cahiers, c => c.Source.Path), c => c.Slug, c => c.Source.Path),
            BySlug(Published(cards, c => c.SourcePath), c => c.Slug, c => c.SourcePath),
            BySlug(themes, t => t.Slug, t => t.Source.Path),
            BySlug(Published(pages, p => p.Source.Path), p => p.Slug, p => p.Source.Path),
            assets.OrderBy(a => a.ContentPath, StringComparer.Ordinal).ToList(),
            drafts) { UnreadablePaths = reader.Unreadable };
        parsed.ForgetUnseen();
        ContentValidator.Validate(all, diagnostics);
        // Duplicates are reported above; keeping one of each lets the later stages still check everything else.
        return all with
        {
            Cahiers = all.Cahiers.DistinctBy(c => c.Slug).ToList(),
            Cards = all.Cards.DistinctBy(c => c.Slug).ToList(),
            Themes = all.Themes.DistinctBy(t => t.Slug).ToList(),
            Pages = all.Pages.DistinctBy(p => p.Slug).ToList(),
        };
    }

    /// <summary>The document reader's four entry points, each going through the cache of parsed files.</summary>
    private sealed class CachingReader(ParsedFiles parsed, SiteConfig config, MarkdownParser markdown, DiagnosticBag diagnostics)
    {
        public (Cahier, bool Draft)? ReadCahier(SourceFile file, string slug) => Read(file, r => r.ReadCahier(file, slug));
        public (PracticeCard, bool Draft)? ReadCard(SourceFile file, string slug) => Read(file, r => r.ReadCard(file, slug));
        public Theme? ReadTheme(SourceFile file, string slug) => Read(file, r => r.ReadTheme(file, slug));
        public (Page, bool Draft)? ReadPage(SourceFile file, string slug) => Read(file, r => r.ReadPage(file, slug));

        private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

        public IReadOnlySet<string> Unreadable
        {
            get { lock (_unreadable) return _unreadable.ToHashSet(StringComparer.Ordinal); }
        }

        public SourceFile? ReadText(string fullPath, string relative) => parsed.ReadText(fullPath, relative, diagnostics);

        private T? Read<T>(SourceFile file, Func<DocumentReader, T?> read)
        {
            var result = parsed.Read(file, config, markdown, diagnostics, read);
            if (result is null) lock (_unreadable) _unreadable.Add(file.Path);
            return result;
        }
    }

    private static List<T> BySlug<T>(IEnumerable<T> items, Func<T, string> slug, Func<T, string> sourcePath) =>
        items.OrderBy(slug, StringComparer.Ordinal).ThenBy(sourcePath, StringComparer.Ordinal).ToList();

    /// <summary>An editor's file found in content/, to be read: where it is, its path from the site root, and its slug.</summary>
    private sealed record FoundFile(string FullPath, string Relative, string Slug);

    private static void LoadCahiers(string contentRoot, List<FoundFile> cahiers, List<ContentAsset> assets, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(contentRoot, "cahiers");
        if (!Directory.Exists(folder) || LinkLeavesFolder(folder, contentRoot)) return;
        foreach (var (entry, isDirectory) in Entries(folder, diagnostics, contentRoot))
        {
            var name = Path.GetFileName(entry);
            var relative = $"{ContentFolder}/cahiers/{name}";
            if (isDirectory)
            {
                var index = Path.Combine(entry, "index.md");
                if (!File.Exists(index))
                {
                    diagnostics.Error(DiagnosticCodes.UnexpectedFile, $"De map '{relative}' is een cahier en moet een bestand 'index.md' bevatten.", new SourceLocation(relative));
                    continue;
                }
                CheckSlug(name, relative, diagnostics);
                cahiers.Add(new FoundFile(index, $"{relative}/index.md", name));
                CollectAssets(entry, relative, assets, diagnostics, contentRoot);
            }
            else if (name.EndsWith(".md", StringComparison.Ordinal))
            {
                var slug = name[..^3];
                CheckSlug(slug, relative, diagnostics);
                cahiers.Add(new FoundFile(entry, relative, slug));
            }
            else if (ImageExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
                assets.Add(new ContentAsset($"cahiers/{name}", entry));
            else
                diagnostics.Warning(DiagnosticCodes.UnexpectedFile, $"'{relative}' wordt niet gebruikt: een cahier is een .md-bestand of een map met index.md.", new SourceLocation(relative));
        }
    }

    private static void CollectAssets(string folder, string relative, List<ContentAsset> assets, DiagnosticBag diagnostics, string contentRoot)
    {
        foreach (var (entry, isDirectory) in Entries(folder, diagnostics, contentRoot))
        {
            var name = Path.GetFileName(entry);
            var path = $"{relative}/{name}";
            if (isDirectory) CollectAssets(entry, path, assets, diagnostics, contentRoot);
            else if (name != "index.md") assets.Add(new ContentAsset(path[(ContentFolder.Length + 1)..], entry));
        }
    }

    private static IEnumerable<FoundFile> Files(string contentRoot, string kind, string extension, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(contentRoot, kind);
        if (!Directory.Exists(folder) || LinkLeavesFolder(folder, contentRoot)) yield break;
        foreach (var (entry, isDirectory) in Entries(folder, diagnostics, contentRoot))
        {
            var name = Path.GetFileName(entry);
            var relative = $"{ContentFolder}/{kind}/{name}";
            if (isDirectory || !name.EndsWith(extension, StringComparison.Ordinal))
            {
                diagnostics.Warning(DiagnosticCodes.UnexpectedFile, $"'{relative}' wordt niet gebruikt: in {kind}/ horen alleen {extension}-bestanden.", new SourceLocation(relative));
                continue;
            }
            var slug = name[..^extension.Length];
            CheckSlug(slug, relative, diagnostics);
            yield return new FoundFile(entry, relative, slug);
        }
    }



    private static void CheckSlug(string slug, string relative, DiagnosticBag diagnostics)
    {
        if (!Slugs.IsValid(slug))
            diagnostics.Error(DiagnosticCodes.InvalidSlug,
                $"De naam '{slug}' mag alleen kleine letters a-z, cijfers en '-' bevatten (geen spaties, hoofdletters of accenten). Hernoem naar '{Slugs.Suggest(slug)}'.",
                new SourceLocation(relative));
    }

    /// <summary>
    /// Sorted so the build never depends on the file system's enumeration order; hidden files are editors' tools' business.
    /// A symbolic link is followed only when it stays inside content/, so no file from elsewhere on the machine is published.
    /// Each entry comes with whether it is a folder (for a link: whether it points at one).
    /// </summary>
    private static IEnumerable<(string Path, bool IsDirectory)> Entries(string folder, DiagnosticBag diagnostics, string contentRoot)
    {
        // The listing itself says which entries are folders or links, so only a link costs another look at the disk:
        // checking each file again took half of the 8,600 file-system calls of checking 2,000 cards.
        var listed = new FileSystemEnumerable<(string Path, bool IsDirectory, bool IsLink)>(folder,
            (ref FileSystemEntry entry) => (entry.ToSpecifiedFullPath(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { AttributesToSkip = 0 });
        foreach (var (entry, isDirectory, isLink) in listed.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') || name.EndsWith('~')) continue;
            if (isLink && LinkLeavesFolder(entry, contentRoot))
            {
                diagnostics.Error(DiagnosticCodes.LinkOutsideSite,
                    $"'{name}' is een snelkoppeling (symbolische link) naar een plaats buiten de map content; kopieer het bestand in de plaats.",
                    new SourceLocation(Path.GetRelativePath(Path.GetDirectoryName(contentRoot)!, entry).Replace('\\', '/')));
                continue;
            }
            yield return (entry, isLink ? Directory.Exists(entry) : isDirectory);
        }
    }

    private static bool LinkLeavesFolder(string entry, string contentRoot)
    {
        FileSystemInfo info = Directory.Exists(entry) ? new DirectoryInfo(entry) : new FileInfo(entry);
        if (info.LinkTarget is null) return false;
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !target.Exists) return true;
        var root = Path.GetFullPath(contentRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return !Path.GetFullPath(target.FullName).StartsWith(root, StringComparison.Ordinal);
    }
}
