using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KennisSite.BrowserTests.Infrastructure;

/// <summary>
/// The smallest web server that behaves like a real static host: GET and HEAD on 127.0.0.1 with a free port,
/// correct content types, folder URLs served from their index.html, and every missing path answered with the
/// site's own 404.html and status 404. One request per connection (Connection: close) keeps it simple.
/// </summary>
public sealed class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".pdf"] = "application/pdf",
        [".zip"] = "application/zip",
    };

    private readonly string _root;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StaticSiteServer(string root)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    public static string ContentTypeOf(string path) =>
        Path.GetFileName(path) == "feed.xml" ? "application/atom+xml; charset=utf-8"
        : ContentTypes.TryGetValue(Path.GetExtension(path), out var type) ? type : "application/octet-stream";

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHead(stream);
            if (head is null) return;
            var requestLine = head.Split("\r\n")[0].Split(' ');
            if (requestLine.Length != 3)
            {
                await Respond(stream, 400, "Bad Request", "text/plain; charset=utf-8", "Bad Request"u8.ToArray(), true);
                return;
            }
            var (method, target) = (requestLine[0], requestLine[1]);
            if (method is not ("GET" or "HEAD"))
            {
                await Respond(stream, 405, "Method Not Allowed", "text/plain; charset=utf-8", "Method Not Allowed"u8.ToArray(), true, "Allow: GET, HEAD\r\n");
                return;
            }
            var withBody = method == "GET";
            var path = target.Split('?', '#')[0];
            string decoded;
            try { decoded = Uri.UnescapeDataString(path); }
            catch (UriFormatException) { decoded = "/\0"; }
            var file = Resolve(decoded);
            if (file is { Redirect: { } location })
            {
                await Respond(stream, 301, "Moved Permanently", "text/plain; charset=utf-8", [], withBody, $"Location: {location}\r\n");
                return;
            }
            if (file is { Path: { } found })
            {
                await Respond(stream, 200, "OK", ContentTypeOf(found), await File.ReadAllBytesAsync(found), withBody);
                return;
            }
            var notFound = Path.Combine(_root, "404.html");
            var body = File.Exists(notFound) ? await File.ReadAllBytesAsync(notFound) : "Not Found"u8.ToArray();
            await Respond(stream, 404, "Not Found", File.Exists(notFound) ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", body, withBody);
        }
        catch (IOException) { /* the browser closed the connection; nothing to answer */ }
        catch (SocketException) { }
    }

    private (string? Path, string? Redirect)? Resolve(string urlPath)
    {
        if (!urlPath.StartsWith('/') || urlPath.Contains('\0') || urlPath.Contains('\\')) return null;
        var full = Path.GetFullPath(Path.Combine(_root, urlPath.TrimStart('/')));
        if (!(full + Path.DirectorySeparatorChar).StartsWith(_root, StringComparison.Ordinal)) return null; // no way out of the site
        if (Directory.Exists(full))
        {
            if (!urlPath.EndsWith('/')) return (null, urlPath + "/");
            var index = Path.Combine(full, "index.html");
            return File.Exists(index) ? (index, null) : null;
        }
        return File.Exists(full) ? (full, null) : null;
    }

    private static async Task<string?> ReadHead(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0) return null;
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n\r\n")) return text;
        }
        return null;
    }

    private static async Task Respond(NetworkStream stream, int status, string reason, string contentType, byte[] body, bool withBody, string extraHeaders = "")
    {
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        if (withBody) await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
