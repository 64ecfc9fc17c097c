using System.Diagnostics;

namespace KennisSite.Cli;

/// <summary>
/// One line on the terminal, redrawn in place, saying which stage a build is in and how far the pages are; it appears
/// only once a build has taken a second, so quick builds stay quiet, and it is wiped when the build ends.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private readonly TextWriter _terminal;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private BuildProgress _latest = new("laden en valideren", 0, 0);
    private int _width;
    private bool _done;

    public ProgressLine(TextWriter terminal)
    {
        _terminal = terminal;
        _timer = new Timer(_ => Draw(), null, Delay, TimeSpan.FromMilliseconds(100));
    }

    public void Show(BuildProgress progress)
    {
        lock (_lock) _latest = progress;
    }

    private void Draw()
    {
        lock (_lock)
        {
            if (_done) return;
            var seconds = _clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            var text = _latest.Total > 0
                ? $"{_latest.Stage}: {_latest.Done} van {_latest.Total} ({seconds} s)"
                : $"{_latest.Stage}... ({seconds} s)";
            _terminal.Write("\r" + text.PadRight(_width));
            _width = text.Length;
            _terminal.Flush();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            _done = true;
            if (_width == 0) return;
            _terminal.Write("\r" + new string(' ', _width) + "\r");
            _terminal.Flush();
            _width = 0;
        }
    }
}
