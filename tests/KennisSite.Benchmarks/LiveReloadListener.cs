using KennisSite.Serving;

namespace KennisSite.Benchmarks;

/// <summary>
/// What a page's live-reload script does in a browser: keep the event stream of `serve` open for one page and wait for
/// "herlaad". Used by the serve benchmark and by the serve tests.
/// </summary>
public sealed class LiveReloadListener : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _events;

    private LiveReloadListener(HttpResponseMessage response, StreamReader events) => (_response, _events) = (response, events);

    /// <summary>Returns once the server has registered the page as open.</summary>
    /// <param name="servedAt">The version the page's script gives (<c>versie=</c>), as a browser sends it; null to leave it out.</param>
    public static async Task<LiveReloadListener> OpenAsync(HttpClient http, string page, long? servedAt = null)
    {
        var version = servedAt is { } v ? $"versie={v}&" : "";
        var response = await http.GetAsync($"{LiveReload.EventsPath}?{version}pagina={Uri.EscapeDataString(page)}", HttpCompletionOption.ResponseHeadersRead);
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            throw new InvalidOperationException($"{LiveReload.EventsPath} answered with {response.Content.Headers.ContentType}, not an event stream.");
        var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        var greeting = await events.ReadLineAsync();
        if (greeting != ": verbonden") throw new InvalidOperationException($"The event stream began with '{greeting}', not ': verbonden'.");
        return new LiveReloadListener(response, events);
    }

    public async Task WaitForReloadAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (await _events.ReadLineAsync(timeout.Token) is { } line)
            if (line == "event: herlaad") return;
        throw new InvalidOperationException("The event stream ended without asking the page to reload.");
    }

    public ValueTask DisposeAsync()
    {
        _events.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
