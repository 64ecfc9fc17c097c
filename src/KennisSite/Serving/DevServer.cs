using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using KennisSite.Diagnostics;
using KennisSite.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KennisSite.Serving;

/// <summary>One finished rebuild, as `serve` reports it.</summary>
public sealed record RebuildReport(BuildResult Result, int PagesRendered, int PagesReused, int FilesParsed, TimeSpan Elapsed);

/// <summary>
/// `kennissite serve`: builds the site into memory, serves it on 127.0.0.1 with Kestrel, and rebuilds when content/,
/// templates/ or site.yml change. A rebuild parses only changed files and renders only pages whose model or templates
/// changed, the pages open in a browser first; open browsers reload when their page changed. While the content has
/// errors, every page shows them over the last good version.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    /// <summary>How long the files must be quiet before a rebuild starts: long enough to gather a checkout, short enough not to notice.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(25);

    private readonly BuildOptions _options;
    private readonly BuildCache _cache = new();
    private readonly ServedSite _site = new();
    private readonly LiveReload _browsers = new();
    private readonly SemaphoreSlim _changes = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private readonly Action<RebuildReport> _report;
    private CancellationTokenSource? _building;
    private WebApplication? _web;
    private ChangeWatcher? _watcher;
    private Task _loop = Task.CompletedTask;
    private int _builds;

    private DevServer(BuildOptions options, Action<RebuildReport> report)
    {
        _options = options with { WriteOutput = false };
        _report = report;
    }

    /// <summary>The address the site is served at, such as http://127.0.0.1:5050/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Builds that ran to the end (good or with errors); cancelled ones, overtaken by a newer change, do not count.</summary>
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>Builds the site once, then serves and watches it. Port 0 takes any free port.</summary>
    public static async Task<DevServer> StartAsync(BuildOptions options, int port, Action<RebuildReport> report)
    {
        var server = new DevServer(options, report);
        // The port first: when it is taken, the editor hears so at once, not after the first build.
        await server.ListenAsync(port);
        server.Rebuild();
        server._watcher = new ChangeWatcher(options.SiteRoot, QuietPeriod, server.Changed);
        server._loop = Task.Run(server.RebuildLoop);
        return server;
    }

    /// <summary>Output paths of the pages open in a browser, as their live-reload connections tell.</summary>
    public IReadOnlySet<string> OpenPages => _browsers.OpenPages;

    /// <summary>A rebuild is running or waiting to run.</summary>
    public bool IsBuilding => Volatile.Read(ref _building) is not null || _changes.CurrentCount > 0;

    /// <summary>Every file served now, for comparing with a full build.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _site.Snapshot();

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var web = builder.Build();
        web.Run(AnswerAsync);
        await web.StartAsync();
        _web = web;
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private void Changed()
    {
        // A build still running is working on content that is already out of date.
        try
        {
            Volatile.Read(ref _building)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It has just finished.
        }
        _changes.Release();
    }

    private async Task RebuildLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _changes.WaitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            while (_changes.CurrentCount > 0) _changes.Wait(0);
            Rebuild();
        }
    }

    private void Rebuild()
    {
        var clock = Stopwatch.StartNew();
        using var building = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        Volatile.Write(ref _building, building);
        var reloaded = new HashSet<string>(StringComparer.Ordinal);
        var events = new BuildEvents
        {
            RenderFirst = _browsers.OpenPages,
            Cancellation = building.Token,
            PagesChanged = pages =>
            {
                // Early pages are only worth showing when the last build was good; otherwise the error page stays up until the end.
                if (_site.Errors.Count > 0 || !_site.HasBuilt) return;
                _site.Update(pages);
                var paths = pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
                reloaded.UnionWith(paths);
                _browsers.Reload(paths);
            },
        };
        BuildResult result;
        try
        {
            result = SiteBuilder.Build(_options, _cache, events);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            Volatile.Write(ref _building, null);
        }
        Interlocked.Increment(ref _builds);
        if (result.Succeeded)
        {
            var hadErrors = _site.Errors.Count > 0;
            var changed = _site.Replace(result.Files);
            if (hadErrors || changed.Any(p => p.StartsWith(Rendering.TemplateSet.AssetFolder + "/", StringComparison.Ordinal))) _browsers.Reload(null);
            else
            {
                // The search page reads the index; it is out of date when the index is.
                if (changed.Contains(Search.SearchIndexFiles.IndexFile) || changed.Contains(Search.SearchIndexFiles.DocumentsFile))
                    changed = changed.Append(Linking.SiteUrls.Search).ToHashSet(StringComparer.Ordinal);
                _browsers.Reload(changed.Where(p => !reloaded.Contains(p)).ToHashSet(StringComparer.Ordinal));
            }
        }
        else
        {
            _site.Fail(result.Diagnostics);
            _browsers.Reload(null);
        }
        _report(new RebuildReport(result, _cache.Pages.Rendered, _cache.Pages.Reused, _cache.Files.Parsed, clock.Elapsed));
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        if (request.Path == LiveReload.EventsPath)
        {
            await StreamEventsAsync(http);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var path = OutputPathOf(request.Path.Value ?? "/");
        if (!path.EndsWith("index.html", StringComparison.Ordinal) && !_site.Exists(path) && _site.Exists(path + "/index.html"))
        {
            response.Redirect(request.PathBase + request.Path + "/" + request.QueryString);
            return;
        }
        // Read before the page: a reload asked for after this point is one the page has not seen.
        var servedAt = _browsers.Reloads;
        var errors = _site.Errors;
        var content = _site.File(path);
        if (content is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            path = Linking.SiteUrls.NotFound;
            content = _site.File(path);
        }
        if (content is null)
        {
            response.ContentType = "text/html; charset=utf-8";
            if (errors.Count > 0)
            {
                response.StatusCode = StatusCodes.Status500InternalServerError;
                await response.WriteAsync(ErrorOverlay.Page(errors, LiveReload.Script(servedAt)));
            }
            else if (!_site.HasBuilt)
            {
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await response.WriteAsync($"<!DOCTYPE html><html lang=\"nl\"><title>Even geduld</title><p>De site wordt gebouwd; deze pagina laadt vanzelf.</p>{LiveReload.Script(servedAt)}</html>");
            }
            else await response.WriteAsync("<!DOCTYPE html><html lang=\"nl\"><title>Niet gevonden</title><p>Niet gevonden.</p></html>");
            return;
        }
        response.ContentType = _contentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (path.EndsWith(".html", StringComparison.Ordinal))
        {
            response.ContentType = "text/html; charset=utf-8";
            content = WithBrowserHelpers(content, errors, servedAt);
        }
        response.ContentLength = content.Length;
        if (HttpMethods.IsGet(request.Method)) await response.Body.WriteAsync(content);
    }

    private static byte[] WithBrowserHelpers(byte[] page, IReadOnlyList<Diagnostic> errors, long servedAt)
    {
        var html = Encoding.UTF8.GetString(page);
        var added = (errors.Count > 0 ? ErrorOverlay.Html(errors) : "") + LiveReload.Script(servedAt);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(end < 0 ? html + added : html[..end] + added + html[end..]);
    }

    private async Task StreamEventsAsync(HttpContext http)
    {
        var page = OutputPathOf(http.Request.Query["pagina"].FirstOrDefault() ?? "/");
        long? servedAt = long.TryParse(http.Request.Query["versie"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
        http.Response.ContentType = "text/event-stream";
        var events = _browsers.Connect(page, servedAt, out var disconnect);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stop.Token);
        try
        {
            await http.Response.WriteAsync(": verbonden\n\n", ended.Token);
            await http.Response.Body.FlushAsync(ended.Token);
            await foreach (var name in events.ReadAllAsync(ended.Token))
            {
                await http.Response.WriteAsync($"event: {name}\ndata: {name}\n\n", ended.Token);
                await http.Response.Body.FlushAsync(ended.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser left the page, or the server is stopping.
        }
        finally
        {
            disconnect();
        }
    }

    /// <summary>"/praktijkvoorbeelden/x/" → "praktijkvoorbeelden/x/index.html", as the site is laid out in the output folder.</summary>
    private static string OutputPathOf(string urlPath)
    {
        var path = urlPath.TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _watcher?.Dispose();
        if (_web is not null)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _web.StopAsync(patience.Token);
            await _web.DisposeAsync();
        }
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
