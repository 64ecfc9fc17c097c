using System.Diagnostics;
using System.Text;

namespace KennisSite.Tests.Reliability;

/// <summary>
/// The real command line as a child process (`dotnet KennisSite.Cli.dll …`, or a published program), the way a user or
/// CI runs it, so a test can kill it or give it its own working directory and environment without touching the test
/// process. KennisSite.Cli.dll sits next to the test binaries because the test project references the CLI project.
/// </summary>
internal sealed class KennisCli : IDisposable
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "KennisSite.Cli.dll");

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private KennisCli(Process process) => _process = process;

    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public TimeSpan Elapsed => _clock.Elapsed;
    public int ExitCode => _process.ExitCode;
    public string Output { get { lock (_output) return _output.ToString(); } }
    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <param name="program">A published KennisSite.Cli to run instead of the DLL next to the tests.</param>
    public static KennisCli Start(IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null,
        string? program = null)
    {
        var start = new ProcessStartInfo(program ?? DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        if (program is null) start.ArgumentList.Add(Dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var cli = new KennisCli(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (cli._output) cli._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (cli._error) cli._error.AppendLine(e.Data); };
        process.Start();
        cli._clock.Restart();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs to the end and fails the test when the build does not succeed; returns how long it took.</summary>
    public static TimeSpan Build(IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var cli = Start(["build", .. arguments], workingDirectory, environment);
        Assert.True(cli.WaitForExit(TimeSpan.FromSeconds(60)), "kennissite build did not finish within 60 s.");
        Assert.True(cli.ExitCode == 0, $"kennissite build {string.Join(' ', arguments)} exited with {cli.ExitCode}:\n{cli.Output}\n{cli.Error}");
        return cli.Elapsed;
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return false;
        _process.WaitForExit(); // also waits for the redirected output to be read
        return true;
    }

    /// <summary>SIGKILL, as from a power cut, an OOM killer or a CI job timeout: no finally blocks, no cleanup.</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // it ended by itself just before
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    /// <summary>The dotnet executable that runs the tests (also when it is not on PATH).</summary>
    internal static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
