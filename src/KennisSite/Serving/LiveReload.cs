using System.Threading.Channels;

namespace KennisSite.Serving;

/// <summary>
/// The browsers with a page of the site open. Each keeps an event stream to the server, saying which page it shows;
/// after a rebuild only the browsers whose page changed reload, and a page open in a browser is rendered first.
/// </summary>
public sealed class LiveReload
{
    public const string EventsPath = "/_kennissite/live";

    /// <summary>Added before &lt;/body&gt; of every page served (never written to disk).</summary>
    public static readonly string Script = $$"""
        <script>(function () {
          if (!window.EventSource) return;
          var events = new EventSource('{{EventsPath}}?pagina=' + encodeURIComponent(location.pathname));
          events.addEventListener('herlaad', function () { events.close(); location.reload(); });
        })();</script>
        """;

    private sealed record Client(string OutputPath, Channel<string> Events);

    private readonly Lock _lock = new();
    private readonly List<Client> _clients = [];

    /// <summary>Output paths of the pages open in a browser now.</summary>
    internal IReadOnlySet<string> OpenPages
    {
        get { lock (_lock) return _clients.Select(c => c.OutputPath).ToHashSet(StringComparer.Ordinal); }
    }

    internal ChannelReader<string> Connect(string outputPath, out Action disconnect)
    {
        var client = new Client(outputPath, Channel.CreateUnbounded<string>());
        lock (_lock) _clients.Add(client);
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
            foreach (var client in _clients.Where(c => outputPaths is null || outputPaths.Contains(c.OutputPath)))
                client.Events.Writer.TryWrite("herlaad");
    }
}
