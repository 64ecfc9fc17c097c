using System.Text.Json;
using KennisSite.Configuration;
using KennisSite.Content;
using KennisSite.Output;
using KennisSite.Rendering;

namespace KennisSite;

/// <summary>
/// What `serve` keeps from one build to the next: parsed files, rendered Markdown and rendered pages. Everything in it is
/// checked against the new input before it is used, so a build with a cache gives the same bytes as one without.
/// A change to site.yml empties it: the functions, themes groups and link style decide what every file means.
/// </summary>
public sealed class BuildCache
{
    private string? _config;

    /// <param name="keptForNextBuild">
    /// Whether this cache will serve a next build (`serve`). A one-off build (<c>kennissite build</c>) has none: it skips
    /// the fingerprints of pages and link targets, and lets go of what only a next build would reuse.
    /// </param>
    public BuildCache(bool keptForNextBuild = true)
    {
        KeptForNextBuild = keptForNextBuild;
        Files = new ParsedFiles(keptForNextBuild);
        Parts = new RenderedParts(keptForNextBuild);
    }

    public bool KeptForNextBuild { get; }

    public ParsedFiles Files { get; private set; }
    public RenderedParts Parts { get; private set; }
    public RenderedPages Pages { get; private set; } = new();
    public Linking.RelatedCardsCache Related { get; private set; } = new();
    public Linking.ResolvedDocuments Resolved { get; private set; } = new();
    public OfflineZip Zip { get; } = new();

    /// <summary>The offline zip's size as the last build showed it; the likely size for the next one.</summary>
    internal string ZipSize { get; set; } = "";

    internal void UseConfig(SiteConfig config)
    {
        // A one-off build's cache is new and used once: nothing in it can be stale. Writing out the settings to compare
        // them took 40 ms of its start.
        if (!KeptForNextBuild) return;
        var text = JsonSerializer.Serialize(config, SiteConfigJson.Default.SiteConfig);
        if (text == _config) return;
        _config = text;
        Files = new ParsedFiles(KeptForNextBuild);
        Parts = new RenderedParts(KeptForNextBuild);
        Pages = new RenderedPages();
        Related = new Linking.RelatedCardsCache();
        Resolved = new Linking.ResolvedDocuments();
        ZipSize = "";
    }
}

/// <summary>How `serve` (or the CLI) follows a build while it runs.</summary>
public sealed class BuildEvents
{
    /// <summary>Output paths of pages open in a browser: rendered first, so the page the editor looks at comes back soonest.</summary>
    public IReadOnlySet<string> RenderFirst { get; init; } = new HashSet<string>();

    /// <summary>Pages whose HTML differs from the last build's: first those in <see cref="RenderFirst"/>, then the others.</summary>
    public Action<IReadOnlyList<OutputFile>>? PagesChanged { get; init; }

    public Action<BuildProgress>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }
}

/// <param name="Stage">The stage's name as <c>--tijden</c> prints it.</param>
public readonly record struct BuildProgress(string Stage, int Done, int Total);
