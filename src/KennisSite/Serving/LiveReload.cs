using System.Threading.Channels;

namespace KennisSite.Serving;

/// <summary>
/// The browsers with a page of the site open. Each keeps an event stream to the server, saying which page it shows;
/// after a rebuild only the browsers whose page changed reload, and a page open in a browser is rendered first.
/// </summary>
public sealed class LiveReload
{
    public const string EventsPath = "/_kennissite/live";
    private const string ReloadEvent = "herlaad";

    /// <summary>
    /// Added before &lt;/body&gt; of every page served (never written to disk). It tells the server which page it shows and
    /// how many reloads had been asked for when the page was served: a rebuild that ends while the page loads, before its
    /// event stream is open, would otherwise go unnoticed and leave the editor looking at the old page.
    /// </summary>
    public static string Script(long servedAt) => $$"""
        <script>(function () {
          if (!window.EventSource) return;
          var events = new EventSource('{{EventsPath}}?versie={{servedAt}}&pagina=' + encodeURIComponent(location.pathname));
          events.addEventListener('{{ReloadEvent}}', function () { events.close(); location.reload(); });
        })();</script>
        """;

    private sealed record Client(string OutputPath, Channel<string> Events);

    private readonly Lock _lock = new();
    private readonly List<Client> _clients = [];
    private readonly Dictionary<string, long> _reloadedAt = new(StringComparer.Ordinal);
    private long _reloads;
    private long _allReloadedAt;

    /// <summary>How many reloads have been asked for; read before a page's content, it is what that page was served at.</summary>
    internal long Reloads
    {
        get { lock (_lock) return _reloads; }
    }

    /// <summary>Output paths of the pages open in a browser now.</summary>
    internal IReadOnlySet<string> OpenPages
    {
        get { lock (_lock) return _clients.Select(c => c.OutputPath).ToHashSet(StringComparer.Ordinal); }
    }

    /// <param name="servedAt">What <see cref="Reloads"/> was when the page was served; null when the page does not say.</param>
    internal ChannelReader<string> Connect(string outputPath, long? servedAt, out Action disconnect)
    {
        var client = new Client(outputPath, Channel.CreateUnbounded<string>());
        lock (_lock)
        {
            _clients.Add(client);
            if (servedAt < Math.Max(_allReloadedAt, _reloadedAt.GetValueOrDefault(outputPath))) client.Events.Writer.TryWrite(ReloadEvent);
        }
        disconnect = () =>
        {
            lock (_lock) _clients.Remove(client);
        };
        return client.Events.Reader;
    }

    /// <summary>Asks the browsers showing one of these pages (all browsers when null) to reload.</summary>
    internal void Reload(IReadOnlySet<string>? outputPaths)
    {
        lock (_lock)
        {
            _reloads++;
            if (outputPaths is null) _allReloadedAt = _reloads;
            else foreach (var path in outputPaths) _reloadedAt[path] = _reloads;
            foreach (var client in _clients.Where(c => outputPaths is null || outputPaths.Contains(c.OutputPath)))
                client.Events.Writer.TryWrite(ReloadEvent);
        }
    }
}
